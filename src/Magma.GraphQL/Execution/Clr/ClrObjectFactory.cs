using System.Collections.Concurrent;
using System.Reflection;

namespace Magma.GraphQL.Execution.Clr;

// Builds records and classes from coerced input objects: snake_case input fields map to PascalCase constructor
// parameters or settable properties. The mapping is worked out once per type.
internal static class ClrObjectFactory
{
    private static readonly ConcurrentDictionary<Type, Plan> Plans = new();

    public static object Create(IReadOnlyDictionary<string, object?> fields, Type target)
    {
        var plan = Plans.GetOrAdd(target, BuildPlan);
        var arguments = new object?[plan.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = plan.Parameters[i];
            arguments[i] = TryGet(fields, parameter.Name!, out var value)
                ? ClrValueConverter.Convert(value, parameter.ParameterType)
                : parameter.HasDefaultValue ? parameter.DefaultValue : ClrValueConverter.Convert(null, parameter.ParameterType);
        }

        var instance = plan.Constructor.Invoke(arguments);
        foreach (var property in plan.Properties)
        {
            if (TryGet(fields, property.GetCustomAttribute<GraphQLNameAttribute>()?.Name ?? property.Name, out var value))
                property.SetValue(instance, ClrValueConverter.Convert(value, property.PropertyType));
        }

        return instance;
    }

    private static bool TryGet(IReadOnlyDictionary<string, object?> fields, string clrName, out object? value)
    {
        if (fields.TryGetValue(clrName, out value))
            return true;
        foreach (var (key, candidate) in fields)
        {
            if (NameConventions.Matches(key, clrName))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static Plan BuildPlan(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault() ?? throw new InvalidOperationException($"{type.Name} has no public constructor to build it from input.");
        var parameters = constructor.GetParameters();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !parameters.Any(a => NameConventions.Matches(a.Name!, p.Name)))
            .ToArray();
        return new Plan(constructor, parameters, properties);
    }

    private sealed record Plan(ConstructorInfo Constructor, ParameterInfo[] Parameters, PropertyInfo[] Properties);
}

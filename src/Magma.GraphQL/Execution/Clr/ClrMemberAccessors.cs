using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Magma.GraphQL.Execution.Clr;

// Compiled getters for CLR properties and fields, built once per (type, GraphQL field name).
internal static class ClrMemberAccessors
{
    private static readonly ConcurrentDictionary<(Type Type, string Field), Func<object, object?>> Cache = new();

    private static readonly Func<object, object?> Missing = static _ => null;

    public static Func<object, object?> For(Type type, string fieldName) =>
        Cache.GetOrAdd((type, fieldName), static key => Compile(key.Type, key.Field));

    private static Func<object, object?> Compile(Type type, string fieldName)
    {
        var member = FindMember(type, fieldName);
        if (member is null)
            return Missing;

        var instance = Expression.Parameter(typeof(object), "instance");
        var typed = Expression.Convert(instance, type);
        Expression access = member is PropertyInfo property
            ? Expression.Property(typed, property)
            : Expression.Field(typed, (FieldInfo)member);
        var boxed = access.Type == typeof(bool)
            ? Expression.Condition(access, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
            : (Expression)Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(boxed, instance).Compile();
    }

    private static readonly object True = true;
    private static readonly object False = false;

    internal static MemberInfo? FindMember(Type type, string fieldName)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var members = type.GetProperties(flags)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Cast<MemberInfo>()
            .Concat(type.GetFields(flags))
            .ToList();
        return members.FirstOrDefault(m => m.GetCustomAttribute<GraphQLNameAttribute>()?.Name == fieldName)
            ?? members.FirstOrDefault(m => m.GetCustomAttribute<GraphQLNameAttribute>() is null && m.Name == fieldName)
            ?? members.FirstOrDefault(m => m.GetCustomAttribute<GraphQLNameAttribute>() is null && NameConventions.Matches(fieldName, m.Name));
    }
}

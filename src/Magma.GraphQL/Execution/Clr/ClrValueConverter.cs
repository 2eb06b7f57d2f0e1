using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Magma.GraphQL.Execution.Clr;

// Converts coerced input values (ints, doubles, strings, bools, enum names, arrays, dictionaries) into the C#
// types a resolver asks for via Argument{T}.
internal static class ClrValueConverter
{
    public static object? Convert(object? value, Type target)
    {
        if (value is null)
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        if (target.IsInstanceOfType(value) && value is not IReadOnlyDictionary<string, object?> || target == typeof(object))
            return value;

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum && value is string name)
            return ClrEnumNames.TryParse(underlying, name, out var enumValue) ? enumValue : throw Impossible(value, target);
        if (underlying == typeof(JsonElement))
            return JsonSerializer.SerializeToElement(value);
        if (TryConvertScalar(value, underlying, out var scalar))
            return scalar;
        if (value is IReadOnlyDictionary<string, object?> fields)
            return target.IsInstanceOfType(value) ? value : ClrObjectFactory.Create(fields, underlying);
        if (value is IEnumerable items and not string)
            return ConvertList(items, target);
        throw Impossible(value, target);
    }

    private static bool TryConvertScalar(object value, Type target, out object? result)
    {
        result = null;
        switch (value)
        {
            case DateTimeOffset instant when target == typeof(DateTime):
                result = instant.UtcDateTime;
                return true;
            case string text when target == typeof(Guid):
                result = Guid.Parse(text);
                return true;
            case string text when target == typeof(long) || target == typeof(int):
                result = System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
                return true;
            case IConvertible when target.IsPrimitive || target == typeof(decimal) || target == typeof(string):
                result = System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
                return true;
            default:
                return false;
        }
    }

    private static object ConvertList(IEnumerable items, Type target)
    {
        var itemType = ItemTypeOf(target) ?? throw Impossible(items, target);
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items)
            list.Add(Convert(item, itemType));
        if (target.IsArray)
        {
            var array = Array.CreateInstance(itemType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        return target.IsInstanceOfType(list) ? list : Activator.CreateInstance(target, list)!;
    }

    private static Type? ItemTypeOf(Type target)
    {
        if (target.IsArray)
            return target.GetElementType();
        if (target.IsGenericType && target.GetGenericArguments() is [var single])
            return single;
        return target.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    internal static InvalidOperationException Impossible(object value, Type target) =>
        new($"Cannot convert a {value.GetType().Name} argument value to {target.Name}.");
}

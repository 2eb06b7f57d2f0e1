using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Execution.Coercion;

// Coerces a literal written in a document (or an SDL default) to an input type, substituting already coerced
// variable values (spec §5.6 / "Input Coercion" of each type). Input objects become dictionaries, lists arrays,
// enums their value names.
internal static class LiteralCoercer
{
    public static bool TryCoerce(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?> variables, out object? value)
    {
        value = null;
        if (literal is VariableNode variable)
        {
            // An absent variable inside a list or object literal stands for null (or an omitted field, see below).
            value = variables.GetValueOrDefault(variable.Name);
            return value is not null || !type.IsNonNull;
        }

        switch (type)
        {
            case NonNullType nonNull:
                return literal is not NullValueNode && TryCoerce(literal, nonNull.OfType, variables, out value);
            case var _ when literal is NullValueNode:
                return true;
            case ListType list:
                return TryCoerceList(literal, list, variables, out value);
            case InputObjectType input:
                return TryCoerceObject(literal, input, variables, out value);
            case EnumType enumType:
                if (literal is not EnumValueNode enumLiteral || enumType.FindValue(enumLiteral.Value) is not { } enumValue)
                    return false;
                value = enumValue.Name;
                return true;
            case ScalarType scalar:
                return TryParseScalar(literal, scalar, variables, out value);
            default:
                return false;
        }
    }

    private static bool TryCoerceList(ValueNode literal, ListType list, IReadOnlyDictionary<string, object?> variables, out object? value)
    {
        value = null;
        if (literal is not ListValueNode items)
        {
            if (!TryCoerce(literal, list.OfType, variables, out var single))
                return false;
            value = new[] { single };
            return true;
        }

        var result = new object?[items.Values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryCoerce(items.Values[i], list.OfType, variables, out result[i]))
                return false;
        }

        value = result;
        return true;
    }

    private static bool TryCoerceObject(ValueNode literal, InputObjectType input, IReadOnlyDictionary<string, object?> variables, out object? value)
    {
        value = null;
        if (literal is not ObjectValueNode obj)
            return false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            if (input.FindField(field.Name) is null || !seen.Add(field.Name))
                return false;
        }

        var result = new Dictionary<string, object?>(input.Fields.Count, StringComparer.Ordinal);
        foreach (var definition in input.Fields)
        {
            var provided = FindField(obj, definition.Name);
            var absent = provided is null || (provided.Value is VariableNode v && !variables.ContainsKey(v.Name));
            if (absent)
            {
                if (definition.HasDefault)
                    result[definition.Name] = definition.DefaultValue;
                else if (definition.Type.IsNonNull)
                    return false;
                continue;
            }

            if (!TryCoerce(provided!.Value, definition.Type, variables, out var fieldValue))
                return false;
            result[definition.Name] = fieldValue;
        }

        value = result;
        return true;
    }

    private static ObjectFieldNode? FindField(ObjectValueNode obj, string name)
    {
        foreach (var field in obj.Fields)
        {
            if (field.Name == name)
                return field;
        }

        return null;
    }

    private static bool TryParseScalar(ValueNode literal, ScalarType scalar, IReadOnlyDictionary<string, object?> variables, out object? value)
    {
        try
        {
            value = scalar.Definition.ParseLiteral(literal, variables);
            return true;
        }
        catch (Exception)
        {
            value = null;
            return false;
        }
    }
}

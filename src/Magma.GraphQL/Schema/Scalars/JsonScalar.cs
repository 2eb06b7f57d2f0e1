using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

// Arbitrary JSON passed through unchanged in both directions.
internal sealed class JsonScalar() : ScalarDefinition("JSON")
{
    public static readonly JsonScalar Instance = new()
    {
        Description = "Any JSON value.",
        SpecifiedByUrl = "https://www.rfc-editor.org/rfc/rfc8259",
    };

    public override object Serialize(object value) => value;

    public override object? ParseValue(JsonElement value) => value.Clone();

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?> variables) => literal switch
    {
        VariableNode variable => variables.GetValueOrDefault(variable.Name),
        NullValueNode => null,
        StringValueNode text => text.Value,
        BooleanValueNode boolean => boolean.Value,
        EnumValueNode name => name.Value,
        IntValueNode integer => long.TryParse(integer.Value, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : double.Parse(integer.Value, CultureInfo.InvariantCulture),
        FloatValueNode number => double.Parse(number.Value, CultureInfo.InvariantCulture),
        ListValueNode list => list.Values.Select(item => ParseLiteral(item, variables)).ToList(),
        ObjectValueNode obj => ParseObject(obj, variables),
        _ => throw new ScalarCoercionException("JSON cannot represent this literal."),
    };

    private Dictionary<string, object?> ParseObject(ObjectValueNode obj, IReadOnlyDictionary<string, object?> variables)
    {
        var result = new Dictionary<string, object?>(obj.Fields.Count, StringComparer.Ordinal);
        foreach (var field in obj.Fields)
            result[field.Name] = ParseLiteral(field.Value, variables);
        return result;
    }
}

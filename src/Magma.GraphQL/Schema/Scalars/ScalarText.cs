using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Scalars;

// Renders offending values inside coercion messages.
internal static class ScalarText
{
    public static string Of(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? ValuePrinter.PrintString(value.GetString()!)
        : value.GetRawText();

    public static string Of(ValueNode literal) => ValuePrinter.Print(literal);

    public static string Of(object value) => value switch
    {
        string text => ValuePrinter.PrintString(text),
        bool boolean => boolean ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name,
    };
}

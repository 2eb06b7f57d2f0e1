using System.Text;
using Magma.GraphQL.Language;
using Magma.GraphQL.Schema.Building;

namespace Magma.GraphQL.Schema;

// Prints a schema as SDL, leaving out what every schema has (standard scalars, built-in directives, introspection).
internal static class SchemaPrinter
{
    public static string Print(GraphQLSchema schema)
    {
        var blocks = new List<string>();
        if (SchemaDefinition(schema) is { } definition)
            blocks.Add(definition);
        blocks.AddRange(schema.Directives.Where(d => !d.IsBuiltIn).Select(PrintDirective));
        blocks.AddRange(schema.TypeList.Where(IsUserType).Select(PrintType));
        return string.Join("\n\n", blocks) + "\n";
    }

    private static bool IsUserType(NamedType type) =>
        !type.Name.StartsWith("__", StringComparison.Ordinal) && !BuiltInSdl.StandardScalars.Contains(type.Name);

    private static string? SchemaDefinition(GraphQLSchema schema)
    {
        var conventional = schema.QueryType.Name == "Query" &&
                           schema.MutationType is null or { Name: "Mutation" } &&
                           schema.SubscriptionType is null or { Name: "Subscription" };
        if (conventional && schema.Description is null)
            return null;
        var text = new StringBuilder(Description(schema.Description, "")).Append("schema {\n");
        text.Append("  query: ").Append(schema.QueryType.Name).Append('\n');
        if (schema.MutationType is { } mutation)
            text.Append("  mutation: ").Append(mutation.Name).Append('\n');
        if (schema.SubscriptionType is { } subscription)
            text.Append("  subscription: ").Append(subscription.Name).Append('\n');
        return text.Append('}').ToString();
    }

    private static string PrintType(NamedType type)
    {
        var head = Description(type.Description, "");
        return type switch
        {
            ScalarType scalar => head + $"scalar {scalar.Name}" +
                                 (scalar.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {ValuePrinter.PrintString(url)})" : ""),
            ComplexType complex => head + (complex is InterfaceType ? "interface " : "type ") + complex.Name +
                                   Implements(complex) + Block(complex.Fields.Select(PrintField)),
            UnionType union => head + $"union {union.Name}" + (union.Types.Count > 0 ? " = " + string.Join(" | ", union.Types.Select(t => t.Name)) : ""),
            EnumType enumType => head + $"enum {enumType.Name}" + Block(enumType.Values.Select(v =>
                Description(v.Description, "  ") + "  " + v.Name + Deprecation(v.DeprecationReason))),
            InputObjectType input => head + $"input {input.Name}" + Block(input.Fields.Select(f => PrintInputValue(f, "  "))),
            _ => "",
        };
    }

    private static string Implements(ComplexType type) =>
        type.Interfaces.Count == 0 ? "" : " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name));

    private static string Block(IEnumerable<string> lines) => " {\n" + string.Join("\n", lines) + "\n}";

    private static string PrintField(FieldDefinition field) =>
        Description(field.Description, "  ") + "  " + field.Name + Arguments(field.Arguments, "  ") + ": " + field.Type +
        Deprecation(field.DeprecationReason);

    private static string PrintDirective(DirectiveDefinition directive) =>
        Description(directive.Description, "") + "directive @" + directive.Name + Arguments(directive.Arguments, "") +
        (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations);

    private static string Arguments(IReadOnlyList<InputValueDefinition> arguments, string indentation)
    {
        if (arguments.Count == 0)
            return "";
        if (arguments.All(a => a.Description is null))
            return "(" + string.Join(", ", arguments.Select(a => PrintInputValue(a, ""))) + ")";
        var inner = indentation + "  ";
        return "(\n" + string.Join("\n", arguments.Select(a => PrintInputValue(a, inner))) + "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValueDefinition value, string indentation) =>
        Description(value.Description, indentation) + indentation + value.Name + ": " + value.Type +
        (value.DefaultLiteral is { } literal ? " = " + ValuePrinter.Print(literal) : "") + Deprecation(value.DeprecationReason);

    private static string Deprecation(string? reason) => reason switch
    {
        null => "",
        BuiltInSdl.DefaultDeprecationReason => " @deprecated",
        _ => $" @deprecated(reason: {ValuePrinter.PrintString(reason)})",
    };

    private static string Description(string? description, string indentation)
    {
        if (description is null)
            return "";
        var lines = description.Split('\n');
        // Block strings strip common indentation and edge blank lines; anything that would change goes as a plain string.
        var blockSafe = !description.Contains('\r') && !description.EndsWith('"') && !description.EndsWith('\\') &&
                        lines.All(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !char.IsWhiteSpace(l[^1]));
        if (!blockSafe)
            return indentation + ValuePrinter.PrintString(description) + "\n";
        var escaped = description.Replace("\"\"\"", "\\\"\"\"");
        if (lines.Length == 1)
            return $"{indentation}\"\"\"{escaped}\"\"\"\n";
        var body = string.Join("\n", escaped.Split('\n').Select(line => indentation + line));
        return $"{indentation}\"\"\"\n{body}\n{indentation}\"\"\"\n";
    }
}

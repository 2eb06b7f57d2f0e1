using Magma.GraphQL.Execution.Coercion;
using Magma.GraphQL.Language;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Building;

internal sealed partial class SchemaAssembler
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    private List<DirectiveDefinition> CreateDirectives()
    {
        var ordered = _sdl.Directives
            .OrderBy(d => BuiltInSdl.DirectiveNames.Contains(d.Name) ? 0 : 1)
            .ToList();
        var directives = new List<DirectiveDefinition>();
        foreach (var node in ordered)
        {
            var directive = new DirectiveDefinition(node.Name, node.Description, node.IsRepeatable, node.Locations)
            {
                IsBuiltIn = BuiltInSdl.DirectiveNames.Contains(node.Name),
            };
            foreach (var argument in node.Arguments)
            {
                if (CreateInputValue(argument, $"@{node.Name}({argument.Name}:)") is { } created && !directive.TryAddArgument(created))
                    _errors.Add($"Argument \"@{node.Name}({argument.Name}:)\" can only be defined once.");
            }

            directives.Add(directive);
        }

        return directives;
    }

    private static string? DeprecationOf(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name == "deprecated");
        if (deprecated is null)
            return null;
        var reason = deprecated.Arguments.FirstOrDefault(a => a.Name == "reason")?.Value as StringValueNode;
        return reason?.Value ?? BuiltInSdl.DefaultDeprecationReason;
    }

    private static string? SpecifiedByOf(IReadOnlyList<DirectiveNode> directives) =>
        directives.FirstOrDefault(d => d.Name == "specifiedBy")?.Arguments
            .FirstOrDefault(a => a.Name == "url")?.Value is StringValueNode url ? url.Value : null;

    private void CoerceDefaultValues(IEnumerable<DirectiveDefinition> directives)
    {
        var done = new HashSet<InputObjectType>();
        foreach (var input in _typeOrder.OfType<InputObjectType>())
            CoerceInputFieldDefaults(input, done);
        foreach (var field in _typeOrder.OfType<ComplexType>().SelectMany(t => t.Fields.Select(f => (t, f))))
        {
            foreach (var argument in field.f.Arguments)
                CoerceDefault(argument, $"{field.t.Name}.{field.f.Name}({argument.Name}:)", done);
        }

        foreach (var directive in directives)
        {
            foreach (var argument in directive.Arguments)
                CoerceDefault(argument, $"@{directive.Name}({argument.Name}:)", done);
        }
    }

    // Defaults of nested input fields are applied while coercing an outer default, so inner ones go first.
    private void CoerceInputFieldDefaults(InputObjectType input, HashSet<InputObjectType> done)
    {
        if (!done.Add(input))
            return;
        foreach (var field in input.Fields)
            CoerceDefault(field, $"{input.Name}.{field.Name}", done);
    }

    private void CoerceDefault(InputValueDefinition value, string coordinate, HashSet<InputObjectType> done)
    {
        if (value.DefaultLiteral is null)
            return;
        if (value.Type.Named is InputObjectType nested)
            CoerceInputFieldDefaults(nested, done);
        if (!value.Type.Named.IsInputType)
            return;
        if (LiteralCoercer.TryCoerce(value.DefaultLiteral, value.Type, NoVariables, out var coerced))
            value.DefaultValue = coerced;
        else
            _errors.Add($"Default value {ValuePrinter.Print(value.DefaultLiteral)} of {coordinate} is not a valid {value.Type}.");
    }
}

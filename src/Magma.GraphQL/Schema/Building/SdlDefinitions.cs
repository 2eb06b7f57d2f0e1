using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Schema.Building;

// Type-system definitions gathered from every SDL document, with extensions kept apart until merged.
internal sealed class SdlDefinitions
{
    public List<TypeDefinitionNode> Types { get; } = [];

    public Dictionary<string, TypeDefinitionNode> TypesByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<TypeDefinitionNode>> Extensions { get; } = new(StringComparer.Ordinal);

    public List<SchemaDefinitionNode> Schemas { get; } = [];

    public List<DirectiveDefinitionNode> Directives { get; } = [];

    public static SdlDefinitions Collect(IEnumerable<DocumentNode> documents, List<string> errors)
    {
        var definitions = new SdlDefinitions();
        foreach (var definition in documents.SelectMany(d => d.Definitions))
            definitions.Add(definition, errors);
        if (definitions.Schemas.Count(s => !s.IsExtension) > 1)
            errors.Add("Must provide only one schema definition.");
        return definitions;
    }

    public IEnumerable<TypeDefinitionNode> DefinitionAndExtensions(string name)
    {
        if (TypesByName.TryGetValue(name, out var definition))
            yield return definition;
        foreach (var extension in Extensions.GetValueOrDefault(name) ?? [])
            yield return extension;
    }

    private void Add(DefinitionNode definition, List<string> errors)
    {
        switch (definition)
        {
            case TypeDefinitionNode { IsExtension: true } extension:
                if (!Extensions.TryGetValue(extension.Name, out var list))
                    Extensions[extension.Name] = list = [];
                list.Add(extension);
                break;
            case TypeDefinitionNode type when TypesByName.TryAdd(type.Name, type):
                Types.Add(type);
                break;
            case TypeDefinitionNode type:
                errors.Add($"There can be only one type named \"{type.Name}\".");
                break;
            case SchemaDefinitionNode schema:
                Schemas.Add(schema);
                break;
            case DirectiveDefinitionNode directive when Directives.Exists(d => d.Name == directive.Name):
                errors.Add($"There can be only one directive named \"@{directive.Name}\".");
                break;
            case DirectiveDefinitionNode directive:
                Directives.Add(directive);
                break;
            default:
                errors.Add($"SDL may only contain type system definitions; found an executable definition at line {definition.Location.Line}.");
                break;
        }
    }
}

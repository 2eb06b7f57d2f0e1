using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.1.1: fragment names are unique.
internal sealed class FragmentNameUniquenessRule : ValidationRule
{
    private readonly Dictionary<string, FragmentDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (_seen.TryGetValue(fragment.Name, out var first))
            context.Report($"There can be only one fragment named \"{fragment.Name}\".", first.Location, fragment.Location);
        else
            _seen[fragment.Name] = fragment;
    }
}

using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.2.1: spreads name fragments defined in the document.
internal sealed class KnownFragmentNamesRule : ValidationRule
{
    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode spread)
    {
        if (!context.Fragments.ContainsKey(spread.Name))
            context.Report($"Unknown fragment \"{spread.Name}\".", spread.Location);
    }
}

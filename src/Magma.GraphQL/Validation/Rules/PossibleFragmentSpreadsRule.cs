using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.2.3: a fragment may only be spread where some object could satisfy both types.
internal sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
        if (fragment.TypeCondition is null || context.ParentType is not { } parent ||
            context.Schema.FindType(fragment.TypeCondition.Name) is not { } fragmentType)
        {
            return;
        }

        if (!Overlap(context.Schema, parent, fragmentType))
            context.Report($"Fragment cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragmentType.Name}\".", fragment.Location);
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode spread)
    {
        if (context.ParentType is not { } parent || !context.Fragments.TryGetValue(spread.Name, out var fragment) ||
            context.Schema.FindType(fragment.TypeCondition.Name) is not { } fragmentType)
        {
            return;
        }

        if (!Overlap(context.Schema, parent, fragmentType))
            context.Report($"Fragment \"{spread.Name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{fragmentType.Name}\".", spread.Location);
    }

    private static bool Overlap(GraphQLSchema schema, NamedType a, NamedType b) =>
        a is ComplexType or UnionType && b is ComplexType or UnionType &&
        schema.GetPossibleTypes(a).Intersect(schema.GetPossibleTypes(b)).Any();
}

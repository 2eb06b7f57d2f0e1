using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.1.3: fragments apply to objects, interfaces or unions only.
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode fragment)
    {
        if (context.Schema.FindType(fragment.TypeCondition.Name) is { } type && !IsComposite(type))
            context.Report($"Fragment \"{fragment.Name}\" cannot condition on non composite type \"{type.Name}\".", fragment.TypeCondition.Location);
    }

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
        if (fragment.TypeCondition is not null && context.Schema.FindType(fragment.TypeCondition.Name) is { } type && !IsComposite(type))
            context.Report($"Fragment cannot condition on non composite type \"{type.Name}\".", fragment.TypeCondition.Location);
    }

    private static bool IsComposite(NamedType type) => type is ComplexType or UnionType;
}

using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.1.2 and §5.8.2 groundwork: type conditions and variable types name existing types.
internal sealed class KnownTypeNamesRule : ValidationRule
{
    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode fragment) =>
        Check(context, fragment.TypeCondition);

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
        if (fragment.TypeCondition is not null)
            Check(context, fragment.TypeCondition);
    }

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode variable) =>
        Check(context, NamedTypeOf(variable.Type));

    private static void Check(ValidationContext context, NamedTypeNode type)
    {
        if (context.Schema.FindType(type.Name) is null)
            context.Report($"Unknown type \"{type.Name}\".", type.Location);
    }

    private static NamedTypeNode NamedTypeOf(TypeNode type) => type switch
    {
        NonNullTypeNode nonNull => NamedTypeOf(nonNull.InnerType),
        ListTypeNode list => NamedTypeOf(list.ItemType),
        _ => (NamedTypeNode)type,
    };
}

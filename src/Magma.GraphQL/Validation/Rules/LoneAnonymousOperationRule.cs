using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.2.2.1: an anonymous operation must be the only operation.
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (operation.Name is null && context.Operations.Count > 1)
            context.Report("This anonymous operation must be the only defined operation.", operation.Location);
    }
}

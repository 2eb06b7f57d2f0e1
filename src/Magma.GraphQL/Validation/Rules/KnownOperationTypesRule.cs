using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// An operation's kind must have a root type in the schema (e.g. no mutations on a read-only schema).
internal sealed class KnownOperationTypesRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (context.Schema.RootType(operation.Operation) is null)
            context.Report($"The schema does not support {operation.Operation.ToString().ToLowerInvariant()} operations.", operation.Location);
    }
}

using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.2.1.1: each named operation has a unique name.
internal sealed class OperationNameUniquenessRule : ValidationRule
{
    private readonly Dictionary<string, OperationDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (operation.Name is null)
            return;
        if (_seen.TryGetValue(operation.Name, out var first))
            context.Report($"There can be only one operation named \"{operation.Name}\".", first.Location, operation.Location);
        else
            _seen[operation.Name] = operation;
    }
}

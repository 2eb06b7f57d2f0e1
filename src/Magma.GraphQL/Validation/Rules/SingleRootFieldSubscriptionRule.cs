using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.2.3.1: a subscription selects exactly one root field (counted without fragments' expansion subtleties).
internal sealed class SingleRootFieldSubscriptionRule : ValidationRule
{
    public override void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
        if (operation.Operation != OperationType.Subscription)
            return;
        var fields = operation.SelectionSet.Selections.OfType<FieldNode>().Select(f => f.ResponseName).Distinct().Count();
        var fragments = operation.SelectionSet.Selections.Count(s => s is not FieldNode);
        var name = operation.Name is null ? "Anonymous Subscription" : $"Subscription \"{operation.Name}\"";
        if (fields + fragments > 1)
            context.Report($"{name} must select only one top level field.", operation.Location);
        if (operation.SelectionSet.Selections.OfType<FieldNode>().Any(f => f.Name.StartsWith("__", StringComparison.Ordinal)))
            context.Report($"{name} must not select an introspection top level field.", operation.Location);
    }
}

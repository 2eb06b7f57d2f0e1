using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.5.1.4: every fragment is reachable from some operation.
internal sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        var used = context.Operations
            .SelectMany(context.ReachableDefinitions)
            .OfType<FragmentDefinitionNode>()
            .Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var fragment in context.Document.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.Name))
                context.Report($"Fragment \"{fragment.Name}\" is never used.", fragment.Location);
        }
    }
}

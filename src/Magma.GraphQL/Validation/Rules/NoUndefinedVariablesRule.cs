using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Validation.Rules;

// §5.8.3: every variable used (also inside reachable fragments) is declared by the operation.
internal sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var operation in context.Operations)
        {
            var defined = operation.VariableDefinitions.Select(v => v.Variable.Name).ToHashSet(StringComparer.Ordinal);
            var reported = new HashSet<VariableNode>();
            foreach (var usage in context.RecursiveUsages(operation))
            {
                if (defined.Contains(usage.Node.Name) || !reported.Add(usage.Node))
                    continue;
                var message = operation.Name is null
                    ? $"Variable \"${usage.Node.Name}\" is not defined."
                    : $"Variable \"${usage.Node.Name}\" is not defined by operation \"{operation.Name}\".";
                context.Report(message, usage.Node.Location, operation.Location);
            }
        }
    }
}

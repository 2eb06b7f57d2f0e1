namespace Magma.GraphQL.Validation.Rules;

// §5.8.4: every declared variable is used by the operation or a fragment it reaches.
internal sealed class NoUnusedVariablesRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        foreach (var operation in context.Operations)
        {
            var used = context.RecursiveUsages(operation).Select(u => u.Node.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                if (used.Contains(definition.Variable.Name))
                    continue;
                var message = operation.Name is null
                    ? $"Variable \"${definition.Variable.Name}\" is never used."
                    : $"Variable \"${definition.Variable.Name}\" is never used in operation \"{operation.Name}\".";
                context.Report(message, definition.Location);
            }
        }
    }
}

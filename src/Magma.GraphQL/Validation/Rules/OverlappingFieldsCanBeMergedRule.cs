namespace Magma.GraphQL.Validation.Rules;

// §5.3.2: fields sharing a response name can be merged into one result (checked per operation, fragments expanded).
internal sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    public override void LeaveDocument(ValidationContext context)
    {
        // Expanding fragments that form a cycle would never end; that error is reported on its own.
        if (context.HasFragmentCycles)
            return;
        var checker = new FieldMergeChecker(context);
        foreach (var operation in context.Operations)
        {
            if (context.Schema.RootType(operation.Operation) is { } root)
                checker.Check(root, operation.SelectionSet);
        }
    }
}

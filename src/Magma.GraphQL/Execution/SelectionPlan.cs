namespace Magma.GraphQL.Execution;

/// <summary>The fields collected for one selection set on one concrete object type (spec CollectFields).</summary>
internal sealed class SelectionPlan(PlannedField[] fields)
{
    public PlannedField[] Fields { get; } = fields;

    public string[] ResponseNames { get; } = fields.Select(f => f.ResponseName).ToArray();
}

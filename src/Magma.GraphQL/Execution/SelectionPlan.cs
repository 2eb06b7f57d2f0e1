using System.Text.Json;

namespace Magma.GraphQL.Execution;

// The fields collected for one selection set on one concrete object type (spec CollectFields).
internal sealed class SelectionPlan(PlannedField[] fields)
{
    public PlannedField[] Fields { get; } = fields;

    public string[] ResponseNames { get; } = fields.Select(f => f.ResponseName).ToArray();

    // Response names escaped once, so writing a result never re-escapes property names.
    public JsonEncodedText[] EncodedNames { get; } = fields.Select(f => JsonEncodedText.Encode(f.ResponseName)).ToArray();
}

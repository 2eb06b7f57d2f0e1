namespace Magma.GraphQL.Execution;

// Returned instead of a value when a field failed and the error is already recorded: a nullable position turns
// it into null, a non-null position passes it up (spec §6.4.4 "Handling Field Errors").
internal static class CompletionSignal
{
    public static readonly object Propagate = new();
}

using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Execution;

// The spec's GetOperation(): picks the operation named by `operationName`, or the only one.
internal static class OperationSelector
{
    public static OperationDefinitionNode? Select(PreparedDocument document, string? operationName, out string? error)
    {
        error = null;
        var operations = document.Operations;
        if (string.IsNullOrEmpty(operationName))
        {
            if (operations.Count == 1)
                return operations[0];
            error = operations.Count == 0
                ? "Must provide an operation."
                : "Must provide operation name if query contains multiple operations.";
            return null;
        }

        foreach (var operation in operations)
        {
            if (operation.Name == operationName)
                return operation;
        }

        error = $"Unknown operation named \"{operationName}\".";
        return null;
    }
}

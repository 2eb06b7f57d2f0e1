using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

// Everything one execution of one operation shares: schema, document, variables, caller context, errors.
internal sealed class OperationContext(
    GraphQLSchema schema,
    PreparedDocument document,
    OperationDefinitionNode operation,
    IReadOnlyDictionary<string, object?> variables,
    object? userContext,
    GraphQLOptions options,
    CancellationToken cancellationToken)
{
    private readonly Lock _errorLock = new();
    private List<GraphQLError>? _errors;

    public GraphQLSchema Schema { get; } = schema;

    public PreparedDocument Document { get; } = document;

    public OperationDefinitionNode Operation { get; } = operation;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public object? UserContext { get; } = userContext;

    public GraphQLOptions Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyList<GraphQLError> Errors => _errors ?? (IReadOnlyList<GraphQLError>)[];

    // Root query fields may complete on different threads when run in parallel.
    public void AddError(GraphQLError error)
    {
        lock (_errorLock)
            (_errors ??= []).Add(error);
    }
}

using Magma.GraphQL.Execution.Coercion;
using Magma.GraphQL.Language.Ast;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

/// <summary>
/// Runs requests against a schema: checks limits, parses and validates (cached per query text), coerces
/// variables, and executes the selected operation. Thread-safe; create one per schema and reuse it.
/// </summary>
public sealed class GraphQLExecutor
{
    private readonly DocumentCache _cache;
    private readonly DocumentPreparer _preparer;

    /// <summary>Creates an executor for <paramref name="schema"/>.</summary>
    public GraphQLExecutor(GraphQLSchema schema, GraphQLOptions? options = null)
    {
        Schema = schema;
        Options = options ?? new GraphQLOptions();
        _cache = new DocumentCache(Options.DocumentCacheSize);
        _preparer = new DocumentPreparer(schema, Options);
    }

    /// <summary>The schema requests run against.</summary>
    public GraphQLSchema Schema { get; }

    /// <summary>The limits and behaviour in force.</summary>
    public GraphQLOptions Options { get; }

    internal int CachedDocumentCount => _cache.Count;

    /// <summary>Executes <paramref name="request"/>; <paramref name="userContext"/> reaches resolvers as <see cref="ResolveContext.UserContext"/>.</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, object? userContext = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, userContext, allowOnlyQueries: false, cancellationToken);

    internal ValueTask<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, object? userContext, bool allowOnlyQueries, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
            return new ValueTask<ExecutionResult>(ExecutionResult.Failed("Must provide query string.", ErrorCodes.ParseFailed));
        if (request.Query.Length > Options.MaxDocumentLength)
        {
            var message = $"The document is {request.Query.Length} characters long, more than the maximum of {Options.MaxDocumentLength}.";
            return new ValueTask<ExecutionResult>(ExecutionResult.Failed(message, ErrorCodes.ValidationFailed));
        }

        var prepared = _cache.GetOrAdd(request.Query, _preparer.Prepare);
        if (prepared.Errors.Count > 0)
            return new ValueTask<ExecutionResult>(ExecutionResult.Failed(prepared.Errors));

        var operation = OperationSelector.Select(prepared, request.OperationName, out var selectionError);
        if (operation is null)
            return new ValueTask<ExecutionResult>(ExecutionResult.Failed(selectionError!, ErrorCodes.OperationResolutionFailure));
        if (allowOnlyQueries && operation.Operation != OperationType.Query)
        {
            var refusal = ExecutionResult.Failed(
                $"Can only perform a {operation.Operation.ToString().ToLowerInvariant()} operation from a POST request.",
                ErrorCodes.OperationResolutionFailure);
            return new ValueTask<ExecutionResult>(new ExecutionResult(null, false, refusal.Errors) { IsDisallowedOperation = true });
        }

        if (operation.Operation == OperationType.Subscription)
            return new ValueTask<ExecutionResult>(ExecutionResult.Failed("Subscriptions are not supported.", ErrorCodes.OperationResolutionFailure));

        var variableErrors = new List<GraphQLError>();
        var variables = VariableValues.Coerce(Schema, operation, request.Variables, variableErrors);
        if (variableErrors.Count > 0)
            return new ValueTask<ExecutionResult>(ExecutionResult.Failed(variableErrors));

        var context = new OperationContext(Schema, prepared, operation, variables, userContext, Options, cancellationToken);
        var pending = new OperationExecutor(context).ExecuteAsync(Options.RootValue);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<ExecutionResult>(Completed(context, pending.Result))
            : AwaitCompletion(context, pending);
    }

    private static async ValueTask<ExecutionResult> AwaitCompletion(OperationContext context, ValueTask<object?> pending) =>
        Completed(context, await pending.ConfigureAwait(false));

    private static ExecutionResult Completed(OperationContext context, object? data) =>
        new(data as IReadOnlyDictionary<string, object?>, hasData: true, context.Errors);
}

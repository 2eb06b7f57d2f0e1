using System.Runtime.ExceptionServices;
using Magma.GraphQL.Execution.Coercion;
using Magma.GraphQL.Language.Ast;

namespace Magma.GraphQL.Execution;

// Executes one operation (spec §6.3–6.4). Every step returns a ValueTask and stays synchronous until a resolver
// really awaits, so plain in-memory objects complete without async state machines.
internal sealed partial class OperationExecutor(OperationContext context)
{
    private static readonly object Propagate = CompletionSignal.Propagate;

    public async ValueTask<object?> ExecuteAsync(object? rootValue)
    {
        var rootType = context.Schema.RootType(context.Operation.Operation)!;
        var plan = context.Document.RootPlan(context, rootType);
        var parallel = context.Operation.Operation == OperationType.Query && context.Options.ParallelQueries;
        var result = parallel
            ? await ExecuteFieldsInParallel(plan, rootValue).ConfigureAwait(false)
            : await ExecuteFields(plan, rootValue, null).ConfigureAwait(false);
        return result == Propagate ? null : result;
    }

    private IReadOnlyDictionary<string, object?>? ArgumentsFor(PlannedField field, out string? error)
    {
        if (!field.ArgumentsUseVariables)
        {
            error = field.StaticArgumentError;
            return field.StaticArguments;
        }

        return ArgumentValues.Coerce(field.Definition.Arguments, field.Node.Arguments, context.Variables, out error);
    }

    private object? ResolverFailed(PlannedField field, PathRef path, Exception error)
    {
        if (error is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            ExceptionDispatchInfo.Throw(error);

        if (error is GraphQLException known)
            return Fail(field, path, known.Message, known.Code, known.Extensions);
        context.Options.UnexpectedErrorObserver?.Invoke(error, path.Materialize().ToList());
        return Fail(field, path, "Unexpected error.", ErrorCodes.InternalServerError);
    }

    // Records a field error and yields the value for the field's position: null, or propagation if non-null.
    private object? Fail(
        PlannedField field, PathRef path, string message, string code, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        context.AddError(new GraphQLError(message, code, [field.Node.Location], path.Materialize().ToList(), extensions));
        return Propagate;
    }

    private object? NullViolation(PlannedField field, PathRef path) =>
        Fail(field, path, $"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Definition.Name}.", ErrorCodes.InternalServerError);
}

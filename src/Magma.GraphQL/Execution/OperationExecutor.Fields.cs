using Magma.GraphQL.Execution.Clr;

namespace Magma.GraphQL.Execution;

internal sealed partial class OperationExecutor
{
    private ValueTask<object?> ExecuteFields(SelectionPlan plan, object? source, ResponsePath? path)
    {
        var values = new object?[plan.Fields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var pending = ExecuteField(plan.Fields[i], source, path);
            if (!pending.IsCompletedSuccessfully)
                return ContinueFields(pending, plan, source, path, values, i);
            var value = pending.Result;
            if (value == Propagate)
                return new ValueTask<object?>(Propagate);
            values[i] = value;
        }

        return new ValueTask<object?>(new ResultMap(plan, values));
    }

    private async ValueTask<object?> ContinueFields(
        ValueTask<object?> pending, SelectionPlan plan, object? source, ResponsePath? path, object?[] values, int index)
    {
        var value = await pending.ConfigureAwait(false);
        for (var i = index; ; value = await ExecuteField(plan.Fields[i], source, path).ConfigureAwait(false))
        {
            if (value == Propagate)
                return Propagate;
            values[i++] = value;
            if (i == values.Length)
                return new ResultMap(plan, values);
        }
    }

    private async ValueTask<object?> ExecuteFieldsInParallel(SelectionPlan plan, object? source)
    {
        var pending = new ValueTask<object?>[plan.Fields.Length];
        for (var i = 0; i < pending.Length; i++)
            pending[i] = ExecuteField(plan.Fields[i], source, null);

        var values = new object?[pending.Length];
        var propagated = false;
        for (var i = 0; i < pending.Length; i++)
        {
            values[i] = await pending[i].ConfigureAwait(false);
            propagated |= values[i] == Propagate;
        }

        return propagated ? Propagate : new ResultMap(plan, values);
    }

    private ValueTask<object?> ExecuteField(PlannedField field, object? source, ResponsePath? parentPath)
    {
        var definition = field.Definition;
        if (definition == context.Schema.Meta.TypeName)
            return new ValueTask<object?>(field.ParentType.Name);

        var path = PathRef.Field(parentPath, field.ResponseName);
        object? resolved;
        if (definition.Resolver is { } resolver)
        {
            var materialized = path.Materialize();
            path = PathRef.Of(materialized);
            var arguments = ArgumentsFor(field, out var argumentError);
            if (arguments is null)
                return new ValueTask<object?>(NullableOutcome(field, Fail(field, path, argumentError!, ErrorCodes.BadUserInput)));

            ValueTask<object?> pending;
            try
            {
                pending = resolver(new ResolveContext(context, field, source, arguments, materialized));
            }
            catch (Exception error)
            {
                return new ValueTask<object?>(NullableOutcome(field, ResolverFailed(field, path, error)));
            }

            if (!pending.IsCompletedSuccessfully)
                return AwaitResolver(pending, field, path);
            resolved = pending.Result;
        }
        else
        {
            try
            {
                resolved = DefaultFieldResolver.Resolve(field, source);
            }
            catch (Exception error)
            {
                return new ValueTask<object?>(NullableOutcome(field, ResolverFailed(field, path, error)));
            }
        }

        if (resolved is not null && AwaitableResults.TryAwait(resolved, out var awaitable))
            return AwaitResolver(awaitable, field, path);
        return Complete(field, definition.Type, resolved, path);
    }

    private async ValueTask<object?> AwaitResolver(ValueTask<object?> pending, PlannedField field, PathRef path)
    {
        object? resolved;
        try
        {
            resolved = await pending.ConfigureAwait(false);
            while (resolved is not null && AwaitableResults.TryAwait(resolved, out var inner))
                resolved = await inner.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            return NullableOutcome(field, ResolverFailed(field, path, error));
        }

        return await Complete(field, field.Definition.Type, resolved, path).ConfigureAwait(false);
    }

    private static object? NullableOutcome(PlannedField field, object? failed) => field.Definition.Type.IsNonNull ? failed : null;
}

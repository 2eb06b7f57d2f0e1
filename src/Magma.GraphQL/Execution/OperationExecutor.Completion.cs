using System.Collections;
using System.Text.Json;
using Magma.GraphQL.Execution.Clr;
using Magma.GraphQL.Schema;
using Magma.GraphQL.Schema.Scalars;

namespace Magma.GraphQL.Execution;

internal sealed partial class OperationExecutor
{
    // CompleteValue(): a non-null position turns null into an error; a nullable one absorbs propagation.
    private ValueTask<object?> Complete(PlannedField field, GraphQLType type, object? value, PathRef path)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteNullable(field, nonNull.OfType, value, path);
            if (!inner.IsCompletedSuccessfully)
                return AwaitNonNull(inner, field, path);
            return new ValueTask<object?>(inner.Result ?? NullViolation(field, path));
        }

        var result = CompleteNullable(field, type, value, path);
        if (!result.IsCompletedSuccessfully)
            return AwaitNullable(result);
        return new ValueTask<object?>(result.Result == Propagate ? null : result.Result);
    }

    private async ValueTask<object?> AwaitNonNull(ValueTask<object?> pending, PlannedField field, PathRef path) =>
        await pending.ConfigureAwait(false) ?? NullViolation(field, path);

    private static async ValueTask<object?> AwaitNullable(ValueTask<object?> pending)
    {
        var value = await pending.ConfigureAwait(false);
        return value == Propagate ? null : value;
    }

    private ValueTask<object?> CompleteNullable(PlannedField field, GraphQLType type, object? value, PathRef path)
    {
        if (value is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
            return new ValueTask<object?>((object?)null);
        return type switch
        {
            ScalarType scalar => new ValueTask<object?>(CompleteScalar(field, scalar, value, path)),
            EnumType enumType => new ValueTask<object?>(CompleteEnum(field, enumType, value, path)),
            ListType list => CompleteList(field, list, value, path),
            ObjectType objectType => ExecuteFields(field.ChildPlan(objectType, context), value, path.Materialize()),
            _ => CompleteAbstract(field, (NamedType)type, value, path),
        };
    }

    private object? CompleteScalar(PlannedField field, ScalarType scalar, object value, PathRef path)
    {
        if (value is JsonElement json && scalar.Definition is not JsonScalar)
            value = JsonPrimitive(json);
        try
        {
            return scalar.Definition.Serialize(value);
        }
        catch (ScalarCoercionException error)
        {
            return Fail(field, path, error.Message, ErrorCodes.InternalServerError);
        }
        catch (Exception error)
        {
            return ResolverFailed(field, path, error);
        }
    }

    private object? CompleteEnum(PlannedField field, EnumType enumType, object value, PathRef path)
    {
        var name = value switch
        {
            string text => text,
            Enum clrEnum => ClrEnumNames.ToGraphQL(clrEnum),
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
            _ => null,
        };
        return name is not null && enumType.FindValue(name) is { } defined
            ? defined.Name
            : Fail(field, path, $"Enum \"{enumType.Name}\" cannot represent value: {ScalarText.Of(value)}", ErrorCodes.InternalServerError);
    }

    private ValueTask<object?> CompleteList(PlannedField field, ListType list, object value, PathRef path)
    {
        IList? items = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } json => json.EnumerateArray().Select(e => (object)e).ToList(),
            string or IDictionary or JsonElement => null,
            IList indexed => indexed,
            IEnumerable sequence => sequence.Cast<object?>().ToList(),
            _ => null,
        };
        if (items is null)
        {
            var message = $"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Definition.Name}\".";
            return new ValueTask<object?>(Fail(field, path, message, ErrorCodes.InternalServerError));
        }

        // Items that are objects need their list's path as a parent: build it once rather than per item.
        if (!list.OfType.Named.IsLeaf)
            path = PathRef.Of(path.Materialize());
        var results = new object?[items.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var pending = Complete(field, list.OfType, items[i], path.Item(i));
            if (!pending.IsCompletedSuccessfully)
                return ContinueList(pending, field, list, items, results, i, path);
            if ((results[i] = pending.Result) == Propagate)
                return new ValueTask<object?>(Propagate);
        }

        return new ValueTask<object?>(results);
    }

    private async ValueTask<object?> ContinueList(
        ValueTask<object?> pending, PlannedField field, ListType list, IList items, object?[] results, int index, PathRef path)
    {
        for (var i = index; i < results.Length; i++)
        {
            var value = i == index
                ? await pending.ConfigureAwait(false)
                : await Complete(field, list.OfType, items[i], path.Item(i)).ConfigureAwait(false);
            if ((results[i] = value) == Propagate)
                return Propagate;
        }

        return results;
    }

    private ValueTask<object?> CompleteAbstract(PlannedField field, NamedType abstractType, object value, PathRef path)
    {
        var objectType = AbstractTypeResolver.Resolve(context.Schema, abstractType, value);
        if (objectType is not null)
            return ExecuteFields(field.ChildPlan(objectType, context), value, path.Materialize());
        var message = $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field " +
                      $"\"{field.ParentType.Name}.{field.Definition.Name}\". Bind a type resolver or return a value with \"__typename\".";
        return new ValueTask<object?>(Fail(field, path, message, ErrorCodes.InternalServerError));
    }

    private static object JsonPrimitive(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when json.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => json.GetDouble(),
        _ => json,
    };
}

using System.Collections.Concurrent;
using System.Reflection;

namespace Magma.GraphQL.Execution.Clr;

// Awaits a resolver result that is itself a Task/ValueTask (e.g. an async property), once adapted per type.
internal static class AwaitableResults
{
    private static readonly ConcurrentDictionary<Type, Func<object, ValueTask<object?>>?> Adapters = new();

    public static bool TryAwait(object value, out ValueTask<object?> awaited)
    {
        awaited = default;
        if (value is not Task && !IsValueTask(value))
            return false;
        var adapter = Adapters.GetOrAdd(value.GetType(), CreateAdapter);
        if (adapter is null)
            return false;
        awaited = adapter(value);
        return true;
    }

    private static bool IsValueTask(object value) =>
        value is ValueType && value.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>);

    private static Func<object, ValueTask<object?>>? CreateAdapter(Type type)
    {
        var generic = FindGeneric(type, typeof(Task<>));
        if (generic is not null)
            return Bind(nameof(AwaitTask), generic.GetGenericArguments()[0]);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            return Bind(nameof(AwaitValueTask), type.GetGenericArguments()[0]);
        if (typeof(Task).IsAssignableFrom(type))
            return static value => AwaitPlainTask((Task)value);
        return null;
    }

    private static Type? FindGeneric(Type? type, Type definition)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
                return type;
        }

        return null;
    }

    private static Func<object, ValueTask<object?>> Bind(string method, Type resultType) =>
        typeof(AwaitableResults).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(resultType)
            .CreateDelegate<Func<object, ValueTask<object?>>>();

    private static async ValueTask<object?> AwaitTask<T>(object task) => await (Task<T>)task;

    private static async ValueTask<object?> AwaitValueTask<T>(object task) => await (ValueTask<T>)task;

    private static async ValueTask<object?> AwaitPlainTask(Task task)
    {
        await task;
        return null;
    }
}

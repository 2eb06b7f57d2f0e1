using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Magma.GraphQL.Execution;

// One completed object of the response: values in selection order, keyed by the plan's response names.
internal sealed class ResultMap(SelectionPlan plan, object?[] values) : IReadOnlyDictionary<string, object?>
{
    public SelectionPlan Plan { get; } = plan;

    public object?[] Values { get; } = values;

    public int Count => Values.Length;

    public IEnumerable<string> Keys => Plan.ResponseNames;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(Plan.ResponseNames, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(Plan.ResponseNames, key);
        value = index >= 0 ? Values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
            yield return new KeyValuePair<string, object?>(Plan.ResponseNames[i], Values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

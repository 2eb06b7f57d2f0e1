namespace Magma.GraphQL.Execution;

// A bounded least-recently-used map from query text to its prepared document.
internal sealed class DocumentCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Query, PreparedDocument Document)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Query, PreparedDocument Document)> _recency = new();

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public PreparedDocument GetOrAdd(string query, Func<string, PreparedDocument> prepare)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(query, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Document;
            }
        }

        // Preparing outside the lock: two racing requests may both prepare; the result is the same.
        var document = prepare(query);
        if (capacity <= 0)
            return document;
        lock (_lock)
        {
            if (_entries.ContainsKey(query))
                return document;
            _entries[query] = _recency.AddFirst((query, document));
            if (_entries.Count > capacity)
            {
                _entries.Remove(_recency.Last!.Value.Query);
                _recency.RemoveLast();
            }
        }

        return document;
    }
}

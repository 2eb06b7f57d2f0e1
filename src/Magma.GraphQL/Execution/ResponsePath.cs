namespace Magma.GraphQL.Execution;

// An immutable linked path of response keys and list indices, shared between siblings.
internal sealed class ResponsePath
{
    private static readonly object[] BoxedIndices = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    private ResponsePath(ResponsePath? parent, object key, int depth)
    {
        Parent = parent;
        Key = key;
        Depth = depth;
    }

    public ResponsePath? Parent { get; }

    public object Key { get; }

    public int Depth { get; }

    public static ResponsePath Create(ResponsePath? parent, object key) => new(parent, key, (parent?.Depth ?? 0) + 1);

    public static object BoxIndex(int index) => index < BoxedIndices.Length ? BoxedIndices[index] : index;

    public IReadOnlyList<object> ToList()
    {
        var keys = new object[Depth];
        for (var node = this; node is not null; node = node.Parent)
            keys[node.Depth - 1] = node.Key;
        return keys;
    }
}

namespace Magma.GraphQL.Execution;

// A response path that is only allocated when something needs it (an error, a resolver context, or children),
// so leaf fields and leaf list items never allocate one.
internal readonly struct PathRef
{
    private readonly ResponsePath? _parent;
    private readonly object? _key;
    private readonly ResponsePath? _path;
    private readonly int _index;

    private PathRef(ResponsePath? parent, object? key, ResponsePath? path, int index)
    {
        _parent = parent;
        _key = key;
        _path = path;
        _index = index;
    }

    public static PathRef Field(ResponsePath? parent, string responseName) => new(parent, responseName, null, -1);

    public static PathRef Of(ResponsePath path) => new(null, null, path, -1);

    public PathRef Item(int index) => _index < 0 ? new PathRef(_parent, _key, _path, index) : new PathRef(Materialize(), ResponsePath.BoxIndex(index), null, -1);

    public ResponsePath Materialize()
    {
        var path = _path ?? ResponsePath.Create(_parent, _key!);
        return _index < 0 ? path : ResponsePath.Create(path, ResponsePath.BoxIndex(_index));
    }
}

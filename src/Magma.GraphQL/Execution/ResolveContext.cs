using Magma.GraphQL.Execution.Clr;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Execution;

/// <summary>What a resolver knows about the field it is resolving.</summary>
public sealed class ResolveContext
{
    private readonly OperationContext _operation;
    private readonly PlannedField _field;
    private readonly ResponsePath _path;

    internal ResolveContext(
        OperationContext operation, PlannedField field, object? parent, IReadOnlyDictionary<string, object?> arguments, ResponsePath path)
    {
        _operation = operation;
        _field = field;
        _path = path;
        Parent = parent;
        Arguments = arguments;
    }

    /// <summary>The value the parent field resolved to (null for root fields unless a root value is configured).</summary>
    public object? Parent { get; }

    /// <summary>The field's name in the schema (not its alias).</summary>
    public string FieldName => _field.Definition.Name;

    /// <summary>The object type the field belongs to.</summary>
    public ObjectType ParentType => _field.ParentType;

    /// <summary>The schema field being resolved.</summary>
    public FieldDefinition Field => _field.Definition;

    /// <summary>The schema being executed.</summary>
    public GraphQLSchema Schema => _operation.Schema;

    /// <summary>Coerced arguments: ints, doubles, strings, bools, enum names, arrays and dictionaries; defaults applied.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The per-request object the caller passed to the executor.</summary>
    public object? UserContext => _operation.UserContext;

    /// <summary>The response path, e.g. <c>["market", "offers", 3, "price"]</c>.</summary>
    public IReadOnlyList<object> Path => _path.ToList();

    /// <summary>Cancelled when the request is aborted.</summary>
    public CancellationToken CancellationToken => _operation.CancellationToken;

    /// <summary>The names of the fields selected directly under this one (across fragments), to skip unneeded work.</summary>
    public IReadOnlyList<string> SelectedFieldNames => _field.SelectedNames(_operation);

    /// <summary>Whether <paramref name="fieldName"/> is selected directly under this field.</summary>
    public bool IsSelected(string fieldName) => SelectedFieldNames.Contains(fieldName);

    /// <summary>Whether the argument was given (or has a default).</summary>
    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>
    /// The argument converted to <typeparamref name="T"/>: primitives, <c>long</c> from Int, C# enums from
    /// UPPER_SNAKE_CASE names, lists, and records/classes built from input objects (snake_case → PascalCase).
    /// </summary>
    public T Argument<T>(string name) => (T)ClrValueConverter.Convert(Arguments.GetValueOrDefault(name), typeof(T))!;
}

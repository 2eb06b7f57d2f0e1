using Magma.GraphQL.Execution;

namespace Magma.GraphQL.Schema;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition
{
    private readonly Dictionary<string, InputValueDefinition> _argumentsByName = new(StringComparer.Ordinal);
    private readonly List<InputValueDefinition> _arguments = [];

    internal FieldDefinition(string name, string? description, GraphQLType type, string? deprecationReason)
    {
        Name = name;
        Description = description;
        Type = type;
        DeprecationReason = deprecationReason;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; }

    /// <summary>The output type.</summary>
    public GraphQLType Type { get; }

    /// <summary>The arguments in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    /// <summary>Why the field is deprecated, null when it is not.</summary>
    public string? DeprecationReason { get; }

    /// <summary>Whether the field is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The bound resolver; null means the default property/key lookup.</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>The argument named <paramref name="name"/>, or null.</summary>
    public InputValueDefinition? FindArgument(string name) => _argumentsByName.GetValueOrDefault(name);

    internal bool TryAddArgument(InputValueDefinition argument)
    {
        if (!_argumentsByName.TryAdd(argument.Name, argument))
            return false;
        _arguments.Add(argument);
        return true;
    }
}

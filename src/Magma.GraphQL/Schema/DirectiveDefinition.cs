namespace Magma.GraphQL.Schema;

/// <summary>A directive the schema understands, built in or declared in SDL.</summary>
public sealed class DirectiveDefinition
{
    private readonly List<InputValueDefinition> _arguments = [];

    internal DirectiveDefinition(string name, string? description, bool isRepeatable, IReadOnlyList<string> locations)
    {
        Name = name;
        Description = description;
        IsRepeatable = isRepeatable;
        Locations = locations;
    }

    /// <summary>The name without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; }

    /// <summary>Whether it may be applied more than once at one location.</summary>
    public bool IsRepeatable { get; }

    /// <summary>The allowed locations, e.g. <c>FIELD</c>.</summary>
    public IReadOnlyList<string> Locations { get; }

    /// <summary>The arguments in declaration order.</summary>
    public IReadOnlyList<InputValueDefinition> Arguments => _arguments;

    internal bool IsBuiltIn { get; init; }

    /// <summary>The argument named <paramref name="name"/>, or null.</summary>
    public InputValueDefinition? FindArgument(string name) => _arguments.Find(a => a.Name == name);

    internal bool TryAddArgument(InputValueDefinition argument)
    {
        if (FindArgument(argument.Name) is not null)
            return false;
        _arguments.Add(argument);
        return true;
    }
}

namespace Magma.GraphQL.Execution;

/// <summary>Limits and behaviour of a <see cref="GraphQLExecutor"/>.</summary>
public sealed class GraphQLOptions
{
    /// <summary>Longest accepted query text, in characters.</summary>
    public int MaxDocumentLength { get; init; } = 100_000;

    /// <summary>Deepest accepted field nesting, counted after fragments are expanded (a root field is depth 1).</summary>
    public int MaxDepth { get; init; } = 15;

    /// <summary>Most aliases accepted in one document, counted after fragments are expanded.</summary>
    public int MaxAliases { get; init; } = 100;

    /// <summary>Most field selections accepted in one document, counted after fragments are expanded.</summary>
    public int MaxFieldSelections { get; init; } = 5_000;

    /// <summary>Whether a query's root fields may run concurrently (mutation root fields always run one by one).</summary>
    public bool ParallelQueries { get; init; }

    /// <summary>How many distinct query texts keep their parsed and validated form cached.</summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>The <c>Parent</c> seen by root field resolvers.</summary>
    public object? RootValue { get; init; }

    /// <summary>Sees every unexpected resolver exception (reported to clients only as "Unexpected error.") with its response path, e.g. to log it.</summary>
    public Action<Exception, IReadOnlyList<object>>? UnexpectedErrorObserver { get; init; }
}

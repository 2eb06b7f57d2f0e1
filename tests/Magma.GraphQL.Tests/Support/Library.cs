using Magma.GraphQL;
using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Tests.Support;

/// <summary>A small bookshop schema exercising objects, interfaces, unions, enums, inputs and namespaces.</summary>
public static class Library
{
    public const string Sdl = """
        "An instant in UTC."
        scalar DateTime
        scalar JSON

        type Query {
          "Looks a book up by id."
          book(id: ID!): Book
          books(genre: Genre, first: Int = 10): [Book!]!
          search(text: String!): [SearchResult!]!
          node(id: ID!): Node
          catalog: Catalog!
          echo(input: BookInput): JSON
          failing: String
          failingNonNull: String!
          forbidden: String
          hugeNumber: Int
          now: DateTime
          legacy: String @deprecated(reason: "Use `now`.")
        }

        type Mutation {
          append(value: String!): [String!]!
        }

        "Namespace for catalog queries."
        type Catalog {
          stats: Stats!
        }

        type Stats {
          total_books: Int!
          average_pages: Float
        }

        interface Node {
          id: ID!
        }

        type Book implements Node {
          id: ID!
          title: String!
          genre: Genre!
          pages: Int
          published_at: DateTime
          author: Author
        }

        type Author implements Node {
          id: ID!
          name: String!
          books: [Book!]!
        }

        union SearchResult = Book | Author

        enum Genre {
          SCIENCE_FICTION
          POETRY
          HISTORY @deprecated
        }

        input BookInput {
          title: String!
          genre: Genre = POETRY
          tags: [String!]
          published_at: DateTime
        }
        """;

    public static readonly Author Le = new("a1", "Ursula K. Le Guin");

    public static readonly IReadOnlyList<Book> Books =
    [
        new("b1", "The Dispossessed", BookGenre.ScienceFiction, 387, new DateTimeOffset(1974, 5, 1, 12, 0, 0, TimeSpan.Zero), Le),
        new("b2", "Always Coming Home", BookGenre.ScienceFiction, 523, null, Le),
        new("b3", "Finding My Elegy", BookGenre.Poetry, null, null, Le),
    ];

    /// <summary>The library schema; <paramref name="overrides"/> replace the resolvers bound at the same coordinates.</summary>
    public static SchemaBuilder Builder(List<string>? journal = null, params (string Coordinate, FieldResolver Resolver)[] overrides)
    {
        var resolvers = new Dictionary<string, FieldResolver>
        {
            ["Query.book"] = Sync(c => Books.FirstOrDefault(b => b.Id == c.Argument<string>("id"))),
            ["Query.books"] = Sync(c => Books
                .Where(b => c.Arguments.GetValueOrDefault("genre") is null || b.Genre == c.Argument<BookGenre>("genre"))
                .Take(c.Argument<int>("first"))),
            ["Query.search"] = Sync(_ => Books.Cast<object>().Append(Le).ToList()),
            ["Query.node"] = Sync(c => c.Argument<string>("id") == Le.Id ? Le : Books.FirstOrDefault(b => b.Id == c.Argument<string>("id"))),
            ["Query.catalog"] = Sync(_ => new object()),
            ["Catalog.stats"] = Sync(_ => new Dictionary<string, object?> { ["total_books"] = Books.Count, ["average_pages"] = 455.0 }),
            ["Query.echo"] = Sync(c => c.Arguments["input"]),
            ["Query.failing"] = Sync(_ => throw new InvalidOperationException("secret connection string")),
            ["Query.failingNonNull"] = Sync(_ => throw new InvalidOperationException("boom")),
            ["Query.forbidden"] = Sync(_ => throw new GraphQLException("Not for you.", ErrorCodes.Forbidden, new Dictionary<string, object?> { ["reason"] = "role" })),
            ["Query.hugeNumber"] = Sync(_ => 3_000_000_000L),
            ["Query.now"] = Sync(_ => new DateTimeOffset(2024, 1, 31, 12, 0, 0, 5, TimeSpan.FromHours(2))),
            ["Author.books"] = Sync(c => Books.Where(b => b.Author == (Author?)c.Parent)),
            ["Mutation.append"] = async c =>
            {
                await Task.Yield();
                journal?.Add(c.Argument<string>("value"));
                return journal?.ToList() ?? [];
            },
        };
        foreach (var (coordinate, resolver) in overrides)
            resolvers[coordinate] = resolver;

        var builder = new SchemaBuilder().AddSdl(Sdl);
        foreach (var (coordinate, resolver) in resolvers)
            builder.Resolve(coordinate, resolver);
        return builder;
    }

    public static FieldResolver Sync(Func<ResolveContext, object?> resolve) => c => new ValueTask<object?>(resolve(c));

    public static GraphQLSchema Schema { get; } = Builder().Build();

    public static GraphQLExecutor Executor(GraphQLOptions? options = null, List<string>? journal = null) =>
        new(journal is null ? Schema : Builder(journal).Build(), options);
}

public enum BookGenre
{
    ScienceFiction,
    Poetry,
    History,
}

public sealed record Author(string Id, string Name);

public sealed record Book(string Id, string Title, BookGenre Genre, int? Pages, DateTimeOffset? PublishedAt, Author Author);

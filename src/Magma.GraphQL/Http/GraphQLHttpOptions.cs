using Magma.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Magma.GraphQL.Http;

/// <summary>How <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string, GraphQLExecutor, GraphQLHttpOptions?)"/> serves requests.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Builds the per-request user context handed to resolvers (e.g. the signed-in account); null gives none.</summary>
    public Func<HttpContext, ValueTask<object?>>? UserContextFactory { get; init; }

    /// <summary>Executor options, used when mapping a schema rather than a ready executor.</summary>
    public GraphQLOptions? Execution { get; init; }

    /// <summary>Whether <c>{pattern}/schema.graphql</c> serves the printed SDL.</summary>
    public bool ServeSchema { get; init; } = true;
}

using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Magma.GraphQL.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="executor"/> at <paramref name="pattern"/>: POST with a JSON body and GET for queries,
    /// both answering 200 with <c>data</c>/<c>errors</c>; and <c>{pattern}/schema.graphql</c> with the SDL.
    /// Returns the route group so callers can add conventions such as rate limiting.
    /// </summary>
    public static RouteGroupBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLExecutor executor, GraphQLHttpOptions? options = null)
    {
        options ??= new GraphQLHttpOptions();
        var handler = new GraphQLHttpHandler(executor, options);
        var group = endpoints.MapGroup(pattern);
        group.MapPost("", handler.HandlePostAsync);
        group.MapGet("", handler.HandleGetAsync);
        if (options.ServeSchema)
        {
            var sdl = executor.Schema.Print();
            group.MapGet("/schema.graphql", () => Results.Text(sdl, "text/plain; charset=utf-8"));
        }

        return group;
    }

    /// <summary>Serves <paramref name="schema"/> with an executor built from <see cref="GraphQLHttpOptions.Execution"/>.</summary>
    public static RouteGroupBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLSchema schema, GraphQLHttpOptions? options = null) =>
        endpoints.MapGraphQL(pattern, new GraphQLExecutor(schema, options?.Execution), options);
}

using Magma.Api.Endpoints;
using Magma.GraphQL.Execution;
using Magma.GraphQL.Http;

namespace Magma.Api.GraphQL;

/// <summary>POST/GET /graphql and GET /graphql/schema.graphql.</summary>
public sealed class GraphQLModule : IEndpointModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGraphQL("/graphql", app.ServiceProvider.GetRequiredService<GraphQLExecutor>(), new GraphQLHttpOptions
        {
            UserContextFactory = GraphQLCredentials.Resolve,
        }).WithTags("GraphQL");
}

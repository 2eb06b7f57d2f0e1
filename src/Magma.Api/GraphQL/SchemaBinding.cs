using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;
using Magma.Payments.Errors;

namespace Magma.Api.GraphQL;

/// <summary>Helpers to bind resolvers: each gets the request context, and domain errors become GraphQL errors.</summary>
public static class SchemaBinding
{
    /// <summary>Namespace objects (payment, market, user …) are plain objects; any marker value does.</summary>
    public static readonly object Namespace = new();

    public static SchemaBuilder Field(this SchemaBuilder builder, string coordinate, Func<ResolveContext, GraphQLRequestContext, Task<object?>> resolve) =>
        builder.Resolve(coordinate, async context =>
        {
            try
            {
                return await resolve(context, (GraphQLRequestContext)context.UserContext!);
            }
            catch (MagmaException error)
            {
                throw GraphQLErrors.From(error);
            }
        });

    public static SchemaBuilder Namespaces(this SchemaBuilder builder, params string[] coordinates)
    {
        foreach (var coordinate in coordinates)
            builder.ResolveValue(coordinate, _ => Namespace);
        return builder;
    }
}

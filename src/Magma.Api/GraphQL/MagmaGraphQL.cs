using Magma.Api.GraphQL.Market;
using Magma.Api.GraphQL.Payments;
using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;

namespace Magma.Api.GraphQL;

/// <summary>
/// The one merged schema at /graphql: Magma (market, liquidity, user, account) and Rails (payment, service_api_key,
/// taproot_assets). The SDL lives in GraphQL/Schema/*.graphql; resolvers bind to Type.field.
/// </summary>
public static class MagmaGraphQL
{
    public static GraphQLSchema BuildSchema()
    {
        var builder = new SchemaBuilder();
        var assembly = typeof(MagmaGraphQL).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.EndsWith(".graphql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            builder.AddSdl(reader.ReadToEnd());
        }
        return builder
            .AddPayments()
            .AddTransactions()
            .AddApiKeys()
            .AddWebhooks()
            .AddMarket()
            .AddAccounts()
            .Build();
    }

    public static IServiceCollection AddMagmaGraphQL(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Magma.GraphQL");
            return new GraphQLExecutor(BuildSchema(), new GraphQLOptions
            {
                MaxDocumentLength = configuration.GetValue("GraphQL:MaxDocumentLength", 100_000),
                MaxDepth = configuration.GetValue("GraphQL:MaxDepth", 15),
                MaxAliases = configuration.GetValue("GraphQL:MaxAliases", 100),
                UnexpectedErrorObserver = (exception, path) => logger.LogError(exception, "GraphQL resolver failed at {Path}", string.Join('.', path)),
            });
        });
}

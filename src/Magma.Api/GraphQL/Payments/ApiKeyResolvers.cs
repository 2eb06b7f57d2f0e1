using Magma.GraphQL.Schema;
using Magma.Payments.Access;
using Magma.Payments.Credentials;

namespace Magma.Api.GraphQL.Payments;

/// <summary>service_api_key: managed with the admin token only.</summary>
public static class ApiKeyResolvers
{
    public static SchemaBuilder AddApiKeys(this SchemaBuilder builder) => builder
        .Namespaces("Query.service_api_key", "Mutation.service_api_key", "ServiceApiKeyQueries.find_many")
        .Field("ServiceApiKeyQueries.list", (ctx, rc) => List(ctx.Argument<string?>("environment_id"), rc))
        .Field("FindManyServiceApiKeys.list", (ctx, rc) => List(ctx.Argument<string?>("environment_id"), rc))
        .Field("ServiceApiKeyMutations.create", async (ctx, rc) =>
        {
            var input = ctx.Argument<CreateKeyInput>("input");
            var created = await rc.Get<ApiKeyService>().Create(rc.Payments, input.Name, input.EnvironmentId, input.WalletId, input.Permissions, input.ExpiresAt);
            return new { plaintext_key = created.PlaintextKey, key = new ApiKeyView(created.Key) };
        })
        .Field("ServiceApiKeyMutations.revoke", async (ctx, rc) => new ApiKeyView(await rc.Get<ApiKeyService>().Revoke(rc.Payments, ctx.Argument<string>("id"))))
        .Field("ServiceApiKeyMutations.update", async (ctx, rc) =>
            new ApiKeyView(await rc.Get<ApiKeyService>().Rename(rc.Payments, ctx.Argument<string>("id"), ctx.Argument<UpdateKeyInput>("input").Name)));

    private static async Task<object?> List(string? environmentId, GraphQLRequestContext rc) =>
        (await rc.Get<ApiKeyService>().List(rc.Payments, environmentId)).Select(k => new ApiKeyView(k)).ToList();

    public sealed record CreateKeyInput(string? Name, string? EnvironmentId, string? WalletId, List<Permission>? Permissions, DateTime? ExpiresAt);

    public sealed record UpdateKeyInput(string? Name);
}

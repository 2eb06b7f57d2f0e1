using Magma.GraphQL.Schema;
using Magma.Market.Accounts;
using Magma.Market.Data;

namespace Magma.Api.GraphQL.Market;

/// <summary>Node-signed registration, admin-created accounts, and an account's own keys and webhook endpoints.</summary>
public static class AccountResolvers
{
    public static SchemaBuilder AddAccounts(this SchemaBuilder builder) => builder
        .Namespaces("Query.account", "Mutation.account")
        .Field("AccountQueries.challenge", async (ctx, rc) =>
        {
            var challenge = await rc.Get<NodeLogin>().CreateChallenge(ctx.Argument<string>("pubkey"));
            return new { message = challenge.Message, expires_at = challenge.ExpiresAt };
        })
        .Field("AccountQueries.api_keys", async (_, rc) =>
            (await rc.Get<AccountService>().ListKeys(rc.Market, null)).Select(k => new
            {
                id = k.Id, name = k.Name, key_prefix = k.KeyPrefix, key_suffix = k.KeySuffix,
                kind = k.Kind == AccountKeyKind.Session ? "SESSION" : "API", created_at = k.CreatedAt, last_used_at = k.LastUsedAt,
            }).ToList())
        .Field("AccountMutations.login", async (ctx, rc) =>
        {
            var input = ctx.Argument<LoginArguments>("input");
            var (account, key) = await rc.Get<NodeLogin>().Login(input.Pubkey, input.Signature);
            return new { id = account.Id, api_key = key.Plaintext };
        })
        .Field("AccountMutations.create", async (ctx, rc) =>
        {
            var (account, key) = await rc.Get<AccountService>().Create(rc.Market, ctx.Argument<NameArguments>("input").Name);
            return new { id = account.Id, api_key = key.Plaintext };
        })
        .Field("AccountMutations.mint_api_key", async (ctx, rc) =>
        {
            var input = ctx.Argument<MintArguments>("input");
            var key = await rc.Get<AccountService>().MintKey(rc.Market, input.AccountId, input.Name);
            return new { id = key.Key.AccountId, api_key = key.Plaintext };
        })
        .Field("AccountMutations.revoke_api_key", async (ctx, rc) =>
        {
            await rc.Get<AccountService>().RevokeKey(rc.Market, ctx.Argument<IdArguments>("input").Id);
            return new { success = true };
        })
        .Field("AccountMutations.create_webhook_endpoint", async (ctx, rc) =>
        {
            var input = ctx.Argument<WebhookEndpointArguments>("input");
            return await rc.Get<AccountWebhookEndpoints>().Create(rc.Market, input.AccountId, input.Url, input.EventFilters, ctx.CancellationToken);
        })
        .Field("AccountQueries.webhook_endpoints", async (ctx, rc) =>
            await rc.Get<AccountWebhookEndpoints>().List(rc.Market, ctx.Argument<string?>("account_id")))
        .Field("AccountMutations.delete_webhook_endpoint", async (ctx, rc) =>
            (object?)await rc.Get<AccountWebhookEndpoints>().Delete(rc.Market, ctx.Argument<string>("id")));

    public sealed record LoginArguments(string? Pubkey, string? Signature);

    public sealed record NameArguments(string? Name);

    public sealed record MintArguments(string? AccountId, string? Name);

    public sealed record IdArguments(string? Id);

    public sealed record WebhookEndpointArguments(string? AccountId, string? Url, List<string>? EventFilters);
}

using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Orders;
using Magma.Payments.Credentials;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Tests.Accounts;

/// <summary>Anonymous buyers get a session key once; registered accounts hold API keys the admin or the account mints.</summary>
public sealed class AccountKeyTests : MarketHarness
{
    [Fact]
    public async Task AnAnonymousBuyGivesASessionKeyOnceAndStoresOnlyItsHash()
    {
        var buyer = await BuyerNode();

        var bought = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));

        var sessionKey = bought.SessionKey!;
        Assert.Matches("^[0-9a-f]{32}$", sessionKey);
        var stored = await KeyRows(bought.AccountId);
        var row = Assert.Single(stored);
        Assert.Equal((AccountKeyKind.Session, SecretHash.Of(sessionKey)), (row.Kind, row.KeyHash));
        // Nothing else stored reveals any of the key.
        foreach (var part in new[] { row.KeyPrefix, row.KeySuffix, row.Name, row.Id })
            Assert.False(part.Length > 0 && sessionKey.Contains(part, StringComparison.OrdinalIgnoreCase), $"'{part}' is part of the session key");

        var caller = await Get<AccountService>().Authenticate(sessionKey);
        Assert.Equal((bought.AccountId, AccountKeyKind.Session), (caller!.Id, caller.KeyKind));
        var again = await Get<OrderPlacement>().Buy(caller, new LiquidityOrderInput(Uri(buyer), "5000", null, false, false, null));
        Assert.Null(again.SessionKey);
        Assert.Equal(bought.AccountId, again.AccountId);
        Assert.Single(await KeyRows(bought.AccountId));
    }

    [Fact]
    public async Task ASessionKeyReadsOnlyItsOwnOrders()
    {
        var mine = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(await BuyerNode()), "5000", null, false, false, null));
        var theirs = await Get<OrderPlacement>().Buy(null, new LiquidityOrderInput(Uri(await BuyerNode("other")), "5000", null, false, false, null));
        var me = (await Get<AccountService>().Authenticate(mine.SessionKey))!;

        Assert.Equal(mine.Order.Id, (await Get<OrderQueries>().Get(me, mine.Order.Id)).Id);
        await Refusal.Expect("order-not-found", () => Get<OrderQueries>().Get(me, theirs.Order.Id));
        Assert.Equal([mine.Order.Id], (await Get<OrderQueries>().Purchases(me, null)).List.Select(o => o.Id));
    }

    [Fact]
    public async Task TheAdminCreatesAccountsAndMintsKeysThatListAndRevoke()
    {
        var accounts = Get<AccountService>();
        var (account, first) = await accounts.Create(MarketCaller.AdminCaller, "Acme liquidity desk");
        Assert.Equal(AccountKind.Registered, account.Kind);
        Assert.StartsWith(AccountService.ApiKeyPrefix, first.Plaintext);

        var second = await accounts.MintKey(MarketCaller.AdminCaller, account.Id, "automation");
        var listed = await accounts.ListKeys(MarketCaller.AdminCaller, account.Id);
        Assert.Equal([first.Key.Id, second.Key.Id], listed.Select(k => k.Id));
        Assert.All(listed, k => Assert.Equal(AccountKeyKind.Api, k.Kind));
        Assert.Equal(account.Id, (await accounts.Authenticate(second.Plaintext))!.Id);

        await accounts.RevokeKey(MarketCaller.AdminCaller, second.Key.Id);

        Assert.Null(await accounts.Authenticate(second.Plaintext));
        Assert.Equal(account.Id, (await accounts.Authenticate(first.Plaintext))!.Id);
        Assert.Equal([first.Key.Id], (await accounts.ListKeys(MarketCaller.AdminCaller, account.Id)).Select(k => k.Id));
        await Refusal.Expect("account-not-found", () => accounts.RevokeKey(MarketCaller.AdminCaller, second.Key.Id));
    }

    [Fact]
    public async Task AnAccountManagesOnlyItsOwnKeys()
    {
        var accounts = Get<AccountService>();
        var (mine, _) = await accounts.Create(MarketCaller.AdminCaller, "mine");
        var (theirs, theirKey) = await accounts.Create(MarketCaller.AdminCaller, "theirs");
        var me = new MarketCaller.Account(mine.Id, AccountKeyKind.Api);

        var minted = await accounts.MintKey(me, null, "my second key");
        Assert.Equal(2, (await accounts.ListKeys(me, null)).Count);

        await Refusal.Expect("forbidden", () => accounts.Create(me, "sneaky"));
        await Refusal.Expect("forbidden", () => accounts.MintKey(me, theirs.Id, "sneaky"));
        await Refusal.Expect("forbidden", () => accounts.ListKeys(me, theirs.Id));
        await Refusal.Expect("account-not-found", () => accounts.RevokeKey(me, theirKey.Key.Id));
        Assert.NotNull(await accounts.Authenticate(theirKey.Plaintext));

        await accounts.RevokeKey(me, minted.Key.Id);
        Assert.Null(await accounts.Authenticate(minted.Plaintext));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("magma_unknown")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task AnUnknownBearerAuthenticatesNobody(string? bearer)
    {
        Assert.Null(await Get<AccountService>().Authenticate(bearer));
    }

    [Fact]
    public async Task AnOverlongBearerIsNotEvenLookedUp()
    {
        Assert.Null(await Get<AccountService>().Authenticate(new string('a', 129)));
    }

    private async Task<List<AccountKey>> KeyRows(string accountId)
    {
        await using var db = Database.Read<MarketDbContext>();
        return await db.AccountKeys.Where(k => k.AccountId == accountId).ToListAsync();
    }
}

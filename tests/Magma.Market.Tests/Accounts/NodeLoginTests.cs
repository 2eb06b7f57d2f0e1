using Magma.Market.Accounts;

namespace Magma.Market.Tests.Accounts;

/// <summary>A node operator proves control of its node by signing a one-time challenge with LND's signmessage.</summary>
public sealed class NodeLoginTests : MarketHarness
{
    [Fact]
    public async Task ASignedChallengeCreatesAnAccountForTheNodeWithAnApiKey()
    {
        var node = await Simnet.CreateNode("operator");
        var login = Get<NodeLogin>();
        var challenge = await login.CreateChallenge(node.Pubkey.ToHex());
        Assert.Contains(node.Pubkey.ToHex(), challenge.Message);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(10), challenge.ExpiresAt);

        var (account, key) = await login.Login(node.Pubkey.ToHex(), await node.SignMessage(challenge.Message));

        Assert.StartsWith("magma_", key.Plaintext);
        Assert.Equal(account.Id, (await Get<AccountService>().Authenticate(key.Plaintext))!.Id);
    }

    [Fact]
    public async Task ASignatureCannotBeReplayed()
    {
        var node = await Simnet.CreateNode("operator");
        var login = Get<NodeLogin>();
        var challenge = await login.CreateChallenge(node.Pubkey.ToHex());
        var signature = await node.SignMessage(challenge.Message);
        await login.Login(node.Pubkey.ToHex(), signature);

        await Refusal.Expect("invalid-signature", () => login.Login(node.Pubkey.ToHex(), signature));
    }

    [Fact]
    public async Task ASignatureByAnotherNodeIsRefusedAndLeavesTheChallengeUsable()
    {
        var node = await Simnet.CreateNode("operator");
        var impostor = await Simnet.CreateNode("impostor");
        var login = Get<NodeLogin>();
        var challenge = await login.CreateChallenge(node.Pubkey.ToHex());

        await Refusal.Expect("invalid-signature", async () => await login.Login(node.Pubkey.ToHex(), await impostor.SignMessage(challenge.Message)));
        await Refusal.Expect("invalid-signature", () => login.Login(node.Pubkey.ToHex(), "not a signature"));
        await Refusal.Expect("invalid-signature", () => login.Login(node.Pubkey.ToHex(), null));

        var (account, _) = await login.Login(node.Pubkey.ToHex(), await node.SignMessage(challenge.Message));
        Assert.NotNull(account);
    }

    [Fact]
    public async Task ASignatureOverAnotherMessageOrAnExpiredChallengeIsRefused()
    {
        var node = await Simnet.CreateNode("operator");
        var login = Get<NodeLogin>();
        var challenge = await login.CreateChallenge(node.Pubkey.ToHex());

        await Refusal.Expect("invalid-signature", async () => await login.Login(node.Pubkey.ToHex(), await node.SignMessage("Sign in to Magma, please")));

        Clock.Advance(TimeSpan.FromMinutes(10));
        await Refusal.Expect("invalid-signature", async () => await login.Login(node.Pubkey.ToHex(), await node.SignMessage(challenge.Message)));
    }

    [Fact]
    public async Task LoggingInAgainReturnsTheSameAccountWithAFreshKey()
    {
        var node = await Simnet.CreateNode("operator");
        var login = Get<NodeLogin>();
        var first = await login.Login(node.Pubkey.ToHex(), await node.SignMessage((await login.CreateChallenge(node.Pubkey.ToHex())).Message));

        var second = await login.Login(node.Pubkey.ToHex(), await node.SignMessage((await login.CreateChallenge(node.Pubkey.ToHex())).Message));

        Assert.Equal(first.Account.Id, second.Account.Id);
        Assert.NotEqual(first.Key.Plaintext, second.Key.Plaintext);
        Assert.Equal(2, (await Get<AccountService>().ListKeys(new MarketCaller.Account(first.Account.Id, Data.AccountKeyKind.Api), null)).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("02abc")]
    [InlineData("not hex at all")]
    public async Task AChallengeNeedsACompressedPublicKey(string? pubkey)
    {
        var error = await Refusal.Expect("invalid-input", () => Get<NodeLogin>().CreateChallenge(pubkey));

        Assert.Equal("pubkey", error.Property);
    }
}

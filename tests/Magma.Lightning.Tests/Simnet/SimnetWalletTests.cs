namespace Magma.Lightning.Tests.Simnet;

public sealed class SimnetWalletTests : SimnetTestBase
{
    [Fact]
    public async Task AnExternalPaymentToAFreshAddressShowsInTheWalletOnceMined()
    {
        var node = await NewNode("wallet");
        var address = await node.NewAddress();
        Assert.StartsWith("bcrt1q", address);
        var before = await node.GetWalletBalance();

        var txid = await Network.SendFromExternal(address, 75_000);
        Assert.Equal(75_000, (await node.GetWalletBalance()).UnconfirmedSat);
        await Network.Mine(1);

        Assert.Equal(before.ConfirmedSat + 75_000, (await node.GetWalletBalance()).ConfirmedSat);
        var tx = Assert.Single(await node.ListWalletTransactions(), t => t.Txid == txid);
        Assert.Equal(1, tx.Confirmations);
        Assert.Contains(tx.Outputs, o => o.Address == address && o.AmountSat == 75_000 && o.IsOurs);
    }

    [Fact]
    public async Task SendCoinsPaysAnotherNodesAddress()
    {
        var alice = await NewNode("alice");
        var bob = await NewNode("bob");
        var address = await bob.NewAddress();

        var sent = await alice.SendCoins(address, 120_000, satPerVbyte: 2);
        await Network.Mine(1);

        Assert.Equal(SendCoinsOutcome.Sent, sent.Outcome);
        Assert.Equal(Options.InitialNodeBalanceSat + 120_000, (await bob.GetWalletBalance()).ConfirmedSat);
        Assert.Equal(SendCoinsOutcome.InvalidAddress, (await alice.SendCoins("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", 1_000, 1)).Outcome);
    }
}

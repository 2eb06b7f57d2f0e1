namespace Magma.Lightning.Tests.Simnet;

public sealed class SimnetRestartTests : SimnetTestBase
{
    [Fact]
    public async Task ARestartResumesNodesInvoicesChannelsAndHeight()
    {
        var seller = await NewNode("seller");
        var buyer = await NewNode("buyer");
        var invoice = await seller.CreateInvoice(new CreateInvoiceParams(5_000));
        await seller.ConnectPeer(new NodeUri(buyer.Pubkey, "127.0.0.1", 9735));
        var point = (await seller.OpenChannel(new OpenChannelParams(buyer.Pubkey, 300_000))).FundingOutpoint!.Value;
        var height = await Network.Mine(4);

        var restarted = await StartNetwork();

        Assert.Equal(height, await restarted.Height());
        Assert.Equal(3, (await restarted.ListNodes()).Count);
        Assert.Equal(House.Pubkey, (await restarted.HouseNode()).Pubkey);
        var sellerAgain = restarted.Node(seller.Pubkey);
        Assert.Equal(InvoiceState.Open, (await sellerAgain.LookupInvoice(invoice.PaymentHash))!.State);
        Assert.Equal(point, Assert.Single(await sellerAgain.ListChannels()).ChannelPoint);
        // Keys survive too: the restarted node still signs invoices as itself.
        var next = await sellerAgain.CreateInvoice(new CreateInvoiceParams(1_000));
        Assert.Equal(seller.Pubkey, Magma.Lightning.Bolt11.Bolt11Decoder.Decode(next.PaymentRequest).Invoice!.Payee);
    }
}

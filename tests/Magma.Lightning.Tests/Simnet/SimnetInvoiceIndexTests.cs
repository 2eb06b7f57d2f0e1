using Magma.Lightning.Simnet;
using Magma.Testing;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Tests.Simnet;

/// <summary>
/// The HTLC-deadline and settle-index indexes only hold invoices that have those values, so that adding an invoice
/// writes to neither; these pin that the readers still reach them.
/// </summary>
public sealed class SimnetInvoiceIndexTests : SimnetTestBase
{
    [Fact]
    public async Task HeldHtlcsDueByAHeightAreSoughtInTheirPartialIndex()
    {
        await using var db = Network.Read();

        var plan = await QueryPlans.Of(Database, SimnetNetwork.HeldHtlcsExpiringBy(db, 500).ToQueryString());

        var step = Assert.Single(plan);
        Assert.StartsWith("SEARCH", step);
        Assert.EndsWith(" USING INDEX ix_sim_invoices_htlc_expiry (state=? AND htlc_expiry_height<?)", step);
    }

    [Fact]
    public async Task TheNextSettleIndexIsReadFromThePartialIndexOfSettledInvoices()
    {
        await using var db = Network.Read();

        var plan = await QueryPlans.Of(Database, SimnetNetwork.LastSettleIndex(db, House.Pubkey.ToHex()).ToQueryString());

        var step = Assert.Single(plan);
        Assert.StartsWith("SEARCH", step);
        Assert.EndsWith(" USING COVERING INDEX ix_sim_invoices_settle_index (node_pubkey=? AND settle_index>?)", step);
    }

    [Fact]
    public async Task SettleIndexesStillCountUpFromOneAcrossSettlements()
    {
        var payer = await NewNode("payer");
        var unpaid = await House.CreateInvoice(new CreateInvoiceParams(3_000));
        foreach (var amount in new[] { 1_000L, 2_000L })
        {
            var invoice = await House.CreateInvoice(new CreateInvoiceParams(amount));
            Assert.Equal(PayOutcome.Succeeded, (await payer.Pay(PayParams(invoice.PaymentRequest))).Outcome);
        }

        await using var db = Network.Read();
        var house = House.Pubkey.ToHex();
        var indexes = await db.Invoices.Where(i => i.NodePubkey == house).OrderBy(i => i.AddIndex).Select(i => i.SettleIndex).ToListAsync();
        Assert.Equal([0L, 1L, 2L], indexes);
        Assert.Equal(InvoiceState.Open, (await House.LookupInvoice(unpaid.PaymentHash))!.State);
    }
}

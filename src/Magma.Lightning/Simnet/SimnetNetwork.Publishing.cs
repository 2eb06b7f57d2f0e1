namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    /// <summary>Runs after the unit committed: blocks first, then channels and invoices, then payment waiters.</summary>
    private void Publish(SimnetChanges changes)
    {
        foreach (var block in changes.Blocks)
            Events.Publish(block);
        foreach (var channel in changes.Channels)
            Events.Publish(channel);
        foreach (var invoice in changes.Invoices)
            Events.Publish(new SimInvoiceUpdated(invoice.NodePubkey, invoice.ToPort()));
        foreach (var (payer, hash) in changes.ResolvedPayments)
            Events.PaymentResolved(payer, hash);
    }
}

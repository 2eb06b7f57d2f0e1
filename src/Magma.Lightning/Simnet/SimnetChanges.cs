using Magma.Lightning.Simnet.Data;

namespace Magma.Lightning.Simnet;

/// <summary>What a unit of work changed, collected inside it and published once it has committed.</summary>
internal sealed class SimnetChanges
{
    public List<SimInvoice> Invoices { get; } = [];
    public List<(string Payer, string PaymentHash)> ResolvedPayments { get; } = [];
    public List<SimChannelUpdated> Channels { get; } = [];
    public List<BlockEpoch> Blocks { get; } = [];
}

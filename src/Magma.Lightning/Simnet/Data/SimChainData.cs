namespace Magma.Lightning.Simnet.Data;

public enum SimTransactionKind { Coinbase, Funding, Send, Close }

public sealed class SimTransaction
{
    public required string Txid { get; set; }
    public SimTransactionKind Kind { get; set; }
    public long FeeSat { get; set; }
    /// <summary>Null while in the mempool.</summary>
    public int? BlockHeight { get; set; }
    public int? BlockIndex { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class SimOutput
{
    public required string Txid { get; set; }
    public int Vout { get; set; }
    public required string Address { get; set; }
    public long AmountSat { get; set; }
    /// <summary>The Simnet node whose wallet owns this output, if any.</summary>
    public string? OwnerPubkey { get; set; }
    public string? SpentByTxid { get; set; }
}

public sealed class SimAddress
{
    public required string Address { get; set; }
    public required string OwnerPubkey { get; set; }
    public DateTime CreatedAt { get; set; }
}

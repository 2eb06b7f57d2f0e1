namespace Magma.Lightning.Simnet.Data;

public sealed class SimNode
{
    public required string Pubkey { get; set; }
    public required string PrivateKey { get; set; }
    public required string Alias { get; set; }
    public required string Host { get; set; }
    public int Port { get; set; }
    /// <summary>Creation order; the lowest is the house node.</summary>
    public long Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class SimPeer
{
    public required string NodePubkey { get; set; }
    public required string PeerPubkey { get; set; }
    public DateTime ConnectedAt { get; set; }
}

public sealed class SimBlock
{
    public int Height { get; set; }
    public required string Hash { get; set; }
    public DateTime Time { get; set; }
}

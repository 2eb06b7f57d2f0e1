namespace Magma.Lightning.Simnet.Data;

public enum SimChannelState { PendingOpen, Open, PendingClose, Closed }

public sealed class SimChannel
{
    public required string ChannelPoint { get; set; }
    public long? ChannelId { get; set; }
    public required string OpenerPubkey { get; set; }
    public required string PeerPubkey { get; set; }
    public long CapacitySat { get; set; }
    public long PushSat { get; set; }
    public long OpenerBalanceMsat { get; set; }
    public long PeerBalanceMsat { get; set; }
    public bool Private { get; set; }
    public SimChannelState State { get; set; }
    public required string FundingTxid { get; set; }
    public int? OpenHeight { get; set; }
    public string? ClosingTxid { get; set; }
    public int? CloseHeight { get; set; }
    public ChannelCloseType? CloseType { get; set; }
    public long OpenerBaseFeeMsat { get; set; }
    public long OpenerFeeRatePpm { get; set; }
    public long PeerBaseFeeMsat { get; set; }
    public long PeerFeeRatePpm { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool Involves(string pubkey) => OpenerPubkey == pubkey || PeerPubkey == pubkey;

    public string RemoteOf(string pubkey) => OpenerPubkey == pubkey ? PeerPubkey : OpenerPubkey;

    public long LocalBalanceMsat(string pubkey) => OpenerPubkey == pubkey ? OpenerBalanceMsat : PeerBalanceMsat;

    /// <summary>An HTLC leaves <paramref name="from"/>'s balance while in flight.</summary>
    public void Hold(string from, long amountMsat) => AddTo(from, -amountMsat);

    /// <summary>The HTLC resolves: settled, it lands on the other side; failed, it returns to the sender.</summary>
    public void Release(string from, long amountMsat, bool settled) => AddTo(settled ? RemoteOf(from) : from, amountMsat);

    private void AddTo(string side, long amountMsat)
    {
        if (OpenerPubkey == side)
            OpenerBalanceMsat += amountMsat;
        else
            PeerBalanceMsat += amountMsat;
    }
}

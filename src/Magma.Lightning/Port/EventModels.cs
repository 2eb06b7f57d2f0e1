namespace Magma.Lightning;

public enum ChannelEventType { PendingOpen, Open, Closed, Active, Inactive }

public sealed record ChannelEvent(ChannelEventType Type, OutPoint ChannelPoint, Magma.Lightning.Crypto.PublicKey RemotePubkey);

public sealed record BlockEpoch(int Height, string Hash);

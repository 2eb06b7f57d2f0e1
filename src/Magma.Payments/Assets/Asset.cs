namespace Magma.Payments.Assets;

public enum AssetType { BaseAsset, TaprootAsset }

/// <summary>
/// An asset a wallet can hold. <see cref="Precision"/> is the number of decimals of its public base unit
/// (sats for BTC, so 8). <see cref="SatsPerUnit"/> is the simulated exchange rate of a stablecoin: how many
/// sats one whole unit is worth, as a rational number to keep integer arithmetic.
/// </summary>
public sealed record Asset(string Id, string Symbol, string Name, int Precision, AssetType Type, bool SandboxOnly)
{
    public const string BtcId = "00000000-0000-0000-0000-000000000000";

    public bool IsBtc => Id == BtcId;
}

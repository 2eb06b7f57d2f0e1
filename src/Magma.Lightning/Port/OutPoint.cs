using System.Diagnostics.CodeAnalysis;
using Magma.Lightning.Crypto;

namespace Magma.Lightning;

/// <summary>A transaction output, written "txid:vout" with the txid in display (explorer) byte order.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(OutPointJsonConverter))]
public readonly record struct OutPoint(string Txid, int Vout)
{
    public override string ToString() => $"{Txid}:{Vout}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out OutPoint? outPoint)
    {
        outPoint = null;
        if (value is null)
            return false;
        var colon = value.LastIndexOf(':');
        if (colon != 64 || !Hex.IsHex(value[..64], 32))
            return false;
        if (!int.TryParse(value.AsSpan(65), System.Globalization.NumberStyles.None, null, out var vout) || vout > 65535)
            return false;
        outPoint = new OutPoint(value[..64].ToLowerInvariant(), vout);
        return true;
    }
}

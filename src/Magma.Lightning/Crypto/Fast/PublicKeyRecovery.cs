namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// ECDSA public-key recovery (SEC1 §4.1.6): from a signature (r, s), the recovery id and the digest e,
/// Q = r⁻¹·(s·R − e·G), where R is the curve point whose x is r (or r + n) with the y parity the id names.
/// Works on public data only: it is variable-time.
/// </summary>
internal static class PublicKeyRecovery
{
    /// <summary>
    /// Recovers the signer's key into <paramref name="compressed33"/>. False when r or s is 0 or ≥ n, when
    /// the id asks for x = r + n ≥ p, when x is not on the curve, or when Q would be the point at infinity.
    /// High-S signatures are accepted: (r, n − s) with the id's parity bit flipped recovers the same key.
    /// </summary>
    public static bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, int recoveryId, Span<byte> compressed33)
    {
        if (digest32.Length != 32 || compact64.Length != 64 || recoveryId is < 0 or > 3)
            return false;
        var r = Scalar.FromBytes(compact64[..32], out var rOverflow);
        var s = Scalar.FromBytes(compact64[32..], out var sOverflow);
        if (rOverflow || sOverflow || r.IsZero || s.IsZero)
            return false;

        // R.x is r, or r + n when bit 1 of the id says R.x was in [n, p).
        var x = r;
        if ((recoveryId & 2) != 0)
        {
            x = r.PlusOrder(out var carry);
            if (carry)
                return false;
        }
        if (!FieldElement.TryFromWords(x.D0, x.D1, x.D2, x.D3, out var rx)
            || !AffinePoint.TryFromX(rx, (recoveryId & 1) != 0, out var bigR))
            return false;

        // Q = (−e·r⁻¹)·G + (s·r⁻¹)·R. A 256-bit digest is already n's length: only reduce it.
        var e = Scalar.FromBytes(digest32, out _);
        var rInverse = r.InverseVar();
        var q = EcMult.MultiplyAdd(bigR, s.Mul(rInverse), e.Mul(rInverse).Negate());
        if (q.IsInfinity)
            return false;
        PointCodec.Compress(q.ToAffine(), compressed33);
        return true;
    }
}

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// ECDSA verification (SEC1 §4.1.4) for a 32-byte digest and a compact (r, s) signature. Variable-time:
/// public data only.
/// </summary>
internal static class SignatureVerification
{
    /// <summary>
    /// True when r, s are in [1, n) and x(e·s⁻¹·G + r·s⁻¹·Q) ≡ r (mod n). Both low and high s verify:
    /// (r, s) and (r, n − s) are equally valid mathematically; normalising to low-S is the signer's job.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> compact64, in AffinePoint publicKey)
    {
        if (digest32.Length != 32 || compact64.Length != 64)
            return false;
        var r = Scalar.FromBytes(compact64[..32], out var rOverflow);
        var s = Scalar.FromBytes(compact64[32..], out var sOverflow);
        if (rOverflow || sOverflow || r.IsZero || s.IsZero)
            return false;

        var e = Scalar.FromBytes(digest32, out _);
        var sInverse = s.InverseVar();
        var point = EcMult.MultiplyAdd(publicKey, r.Mul(sInverse), e.Mul(sInverse));
        if (point.IsInfinity)
            return false;

        // x = X/Z² lies in [0, p) and p < 2n, so x mod n = r means x = r or x = r + n (the latter only when
        // r + n < p). Compare X with r·Z² (and (r + n)·Z²) instead of inverting Z.
        var zz = point.Z.Sqr();
        var rField = FieldElement.FromWords(r.D0, r.D1, r.D2, r.D3); // r < n < p: canonical
        if (rField.Mul(zz).EqualsModP(point.X, 1))
            return true;
        var rPlusN = r.PlusOrder(out var carry);
        return !carry
            && FieldElement.TryFromWords(rPlusN.D0, rPlusN.D1, rPlusN.D2, rPlusN.D3, out var rPlusNField)
            && rPlusNField.Mul(zz).EqualsModP(point.X, 1);
    }
}

using System.Numerics;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Variable-time modular inversion for an odd prime modulus M below 2^256, by Bernstein–Yang "safegcd"
/// divsteps (https://eprint.iacr.org/2019/266), batched 62 at a time. Several times faster than Fermat
/// inversion, but its running time depends on the input: public data only.
/// </summary>
/// <remarks>
/// <para>
/// A divstep maps (δ, f, g) with f odd to (1 − δ, g, (g − f)/2) when δ &gt; 0 and g is odd, and to
/// (1 + δ, f, (g + (g mod 2)·f)/2) otherwise. Starting from (1, M, x) it reaches g = 0 with f = ±gcd = ±1
/// within 741 steps for 256-bit inputs. Alongside, d and e satisfy f ≡ d·x and g ≡ e·x (mod M); starting at
/// d = 0, e = 1 this ends with x⁻¹ = ±d.
/// </para>
/// <para>
/// The first 62 divsteps depend only on the low 64 bits of f and g, so they run on machine words and
/// yield a matrix T with 2^62·(f', g') = T·(f, g), whose entries are bounded by |u| + |v| ≤ 2^62 and
/// |q| + |r| ≤ 2^62. T is then applied to the full-width f, g, d, e. The division of d, e by 2^62 is made
/// exact mod M by first adding the multiple of M that clears their low 62 bits; that multiple is below
/// 2^62·M, so each batch grows |d|, |e| by at most M: after 12 batches they stay far inside 308 bits.
/// </para>
/// </remarks>
internal sealed class ModularInverse
{
    public static ModularInverse Field { get; } = new(
        0xFFFFFFFEFFFFFC2F, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF);

    public static ModularInverse Order { get; } = new(
        0xBFD25E8CD0364141, 0xBAAEDCE6AF48A03B, 0xFFFFFFFFFFFFFFFE, 0xFFFFFFFFFFFFFFFF);

    /// <summary>741 divsteps always suffice for 256-bit inputs (12 batches); more means a bug.</summary>
    private const int MaxBatches = 13;

    private readonly Signed62 _modulus;

    /// <summary>M⁻¹ mod 2^62.</summary>
    private readonly ulong _modulusInverse;

    private ModularInverse(ulong m0, ulong m1, ulong m2, ulong m3)
    {
        _modulus = Signed62.FromWords(m0, m1, m2, m3);
        // Newton's iteration x ← x(2 − Mx) doubles the number of correct low bits; any odd M is its own
        // inverse mod 8, so five rounds give 96 ≥ 62 bits.
        var x = m0;
        for (var i = 0; i < 5; i++)
            x *= 2 - m0 * x;
        _modulusInverse = x & Signed62.Mask62;
    }

    /// <summary>Replaces a value in [0, M), given as little-endian words, by its inverse (0 stays 0).</summary>
    public void InvertVar(ref ulong w0, ref ulong w1, ref ulong w2, ref ulong w3)
    {
        var f = _modulus;
        var g = Signed62.FromWords(w0, w1, w2, w3);
        var d = default(Signed62);
        var e = new Signed62(1, 0, 0, 0, 0);
        long eta = -1; // η = −δ

        for (var batch = 0; !g.IsZero; batch++)
        {
            if (batch == MaxBatches)
                throw new InvalidOperationException("safegcd did not converge; the inverse code is broken.");
            eta = DivSteps62(eta, f.LowWord, g.LowWord, out var t);
            ApplyToFg(t, ref f, ref g);
            ApplyToDe(t, ref d, ref e);
        }

        // f = ±1 (or M when the input was 0, with d = 0). x⁻¹ = d·f; then bring d into [0, M).
        if (f.IsNegative)
            d.Negate();
        while (d.IsNegative)
            d.AddMultiple(_modulus, 1);
        while (d.CompareTo(_modulus) >= 0)
            d.AddMultiple(_modulus, -1);
        d.ToWords(out w0, out w1, out w2, out w3);
    }

    private readonly record struct Transition(long U, long V, long Q, long R);

    /// <summary>
    /// Runs 62 divsteps on the low words of f (odd) and g. Tracks η = −δ. Returns the new η and the
    /// scaled transition matrix: after k steps 2^k·f_k = u·f + v·g and 2^k·g_k = q·f + r·g.
    /// </summary>
    private static long DivSteps62(long eta, ulong f, ulong g, out Transition transition)
    {
        long u = 1, v = 0, q = 0, r = 1;
        var remaining = 62;
        while (true)
        {
            // A run of even g: each step halves g, keeps f (so u, v double) and decrements η.
            var zeros = BitOperations.TrailingZeroCount(g | 1UL << remaining);
            g >>= zeros;
            u <<= zeros;
            v <<= zeros;
            eta -= zeros;
            remaining -= zeros;
            if (remaining == 0)
                break;

            // g is odd.
            if (eta < 0)
            {
                // δ > 0: (f, g) ← (g, (g − f)/2), δ ← 1 − δ.
                eta = -eta - 1;
                var oldF = f;
                f = g;
                g = (g - oldF) >> 1;
                var oldU = u;
                var oldV = v;
                u = q << 1;
                v = r << 1;
                q -= oldU;
                r -= oldV;
            }
            else
            {
                // δ ≤ 0: g ← (g + f)/2, δ ← 1 + δ.
                eta--;
                g = (g + f) >> 1;
                q += u;
                r += v;
                u <<= 1;
                v <<= 1;
            }
            remaining--;
        }
        transition = new Transition(u, v, q, r);
        return eta;
    }

    /// <summary>(f, g) ← T·(f, g) / 2^62, exactly (the low 62 bits of both products are zero).</summary>
    private static void ApplyToFg(in Transition t, ref Signed62 f, ref Signed62 g)
    {
        Int128 cf = Math.BigMul(t.U, f.V0) + Math.BigMul(t.V, g.V0);
        Int128 cg = Math.BigMul(t.Q, f.V0) + Math.BigMul(t.R, g.V0);
        cf >>= 62;
        cg >>= 62;
        cf += Math.BigMul(t.U, f.V1) + Math.BigMul(t.V, g.V1);
        cg += Math.BigMul(t.Q, f.V1) + Math.BigMul(t.R, g.V1);
        var f0 = (long)cf & Signed62.Mask62;
        var g0 = (long)cg & Signed62.Mask62;
        cf >>= 62;
        cg >>= 62;
        cf += Math.BigMul(t.U, f.V2) + Math.BigMul(t.V, g.V2);
        cg += Math.BigMul(t.Q, f.V2) + Math.BigMul(t.R, g.V2);
        var f1 = (long)cf & Signed62.Mask62;
        var g1 = (long)cg & Signed62.Mask62;
        cf >>= 62;
        cg >>= 62;
        cf += Math.BigMul(t.U, f.V3) + Math.BigMul(t.V, g.V3);
        cg += Math.BigMul(t.Q, f.V3) + Math.BigMul(t.R, g.V3);
        var f2 = (long)cf & Signed62.Mask62;
        var g2 = (long)cg & Signed62.Mask62;
        cf >>= 62;
        cg >>= 62;
        cf += Math.BigMul(t.U, f.V4) + Math.BigMul(t.V, g.V4);
        cg += Math.BigMul(t.Q, f.V4) + Math.BigMul(t.R, g.V4);
        var f3 = (long)cf & Signed62.Mask62;
        var g3 = (long)cg & Signed62.Mask62;
        cf >>= 62;
        cg >>= 62;
        f = new Signed62(f0, f1, f2, f3, (long)cf);
        g = new Signed62(g0, g1, g2, g3, (long)cg);
    }

    /// <summary>(d, e) ← T·(d, e) / 2^62 mod M, adding the multiples of M that make the division exact.</summary>
    private void ApplyToDe(in Transition t, ref Signed62 d, ref Signed62 e)
    {
        ref readonly var m = ref _modulus;
        Int128 cd = Math.BigMul(t.U, d.V0) + Math.BigMul(t.V, e.V0);
        Int128 ce = Math.BigMul(t.Q, d.V0) + Math.BigMul(t.R, e.V0);
        // md ≡ −cd·M⁻¹ (mod 2^62) makes cd + md·M ≡ 0 (mod 2^62); md, me ∈ [0, 2^62).
        var md = (long)((0 - (ulong)cd * _modulusInverse) & Signed62.Mask62);
        var me = (long)((0 - (ulong)ce * _modulusInverse) & Signed62.Mask62);
        cd += Math.BigMul(md, m.V0);
        ce += Math.BigMul(me, m.V0);
        cd >>= 62;
        ce >>= 62;
        cd += Math.BigMul(t.U, d.V1) + Math.BigMul(t.V, e.V1) + Math.BigMul(md, m.V1);
        ce += Math.BigMul(t.Q, d.V1) + Math.BigMul(t.R, e.V1) + Math.BigMul(me, m.V1);
        var d0 = (long)cd & Signed62.Mask62;
        var e0 = (long)ce & Signed62.Mask62;
        cd >>= 62;
        ce >>= 62;
        cd += Math.BigMul(t.U, d.V2) + Math.BigMul(t.V, e.V2) + Math.BigMul(md, m.V2);
        ce += Math.BigMul(t.Q, d.V2) + Math.BigMul(t.R, e.V2) + Math.BigMul(me, m.V2);
        var d1 = (long)cd & Signed62.Mask62;
        var e1 = (long)ce & Signed62.Mask62;
        cd >>= 62;
        ce >>= 62;
        cd += Math.BigMul(t.U, d.V3) + Math.BigMul(t.V, e.V3) + Math.BigMul(md, m.V3);
        ce += Math.BigMul(t.Q, d.V3) + Math.BigMul(t.R, e.V3) + Math.BigMul(me, m.V3);
        var d2 = (long)cd & Signed62.Mask62;
        var e2 = (long)ce & Signed62.Mask62;
        cd >>= 62;
        ce >>= 62;
        cd += Math.BigMul(t.U, d.V4) + Math.BigMul(t.V, e.V4) + Math.BigMul(md, m.V4);
        ce += Math.BigMul(t.Q, d.V4) + Math.BigMul(t.R, e.V4) + Math.BigMul(me, m.V4);
        var d3 = (long)cd & Signed62.Mask62;
        var e3 = (long)ce & Signed62.Mask62;
        cd >>= 62;
        ce >>= 62;
        d = new Signed62(d0, d1, d2, d3, (long)cd);
        e = new Signed62(e0, e1, e2, e3, (long)ce);
    }
}

using System.Numerics;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Variable-time modular inversion for an odd prime modulus M below 2^256, by Bernstein–Yang "safegcd"
/// divsteps (https://eprint.iacr.org/2019/266), batched 30 at a time. Several times faster than Fermat
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
/// The next 30 divsteps depend only on the low bits of f and g, so they run on machine words and yield a
/// matrix T with 2^30·(f', g') = T·(f, g), whose entries are bounded by |u| + |v| ≤ 2^30 and
/// |q| + |r| ≤ 2^30. T is then applied to the full-width f, g, d, e in radix 2^30, where every product fits
/// 60 bits and a limb's sum of three products plus carry stays below 2^63. The division of d, e by 2^30 is
/// made exact mod M by first adding the multiple of M (below 2^30·M) that clears their low 30 bits, so
/// each batch grows |d|, |e| by at most M: after the at most 25 batches they stay below 26·M &lt; 2^261.
/// </para>
/// </remarks>
internal sealed class ModularInverse
{
    public static ModularInverse Field { get; } = new(
        0xFFFFFFFEFFFFFC2F, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF);

    public static ModularInverse Order { get; } = new(
        0xBFD25E8CD0364141, 0xBAAEDCE6AF48A03B, 0xFFFFFFFFFFFFFFFE, 0xFFFFFFFFFFFFFFFF);

    private const int StepsPerBatch = 30;

    /// <summary>741 divsteps always suffice for 256-bit inputs (25 batches); more means a bug.</summary>
    private const int MaxBatches = 26;

    private readonly Signed30 _modulus;

    /// <summary>M⁻¹ mod 2^30.</summary>
    private readonly long _modulusInverse;

    private ModularInverse(ulong m0, ulong m1, ulong m2, ulong m3)
    {
        _modulus = Signed30.FromWords(m0, m1, m2, m3);
        // Newton's iteration x ← x(2 − Mx) doubles the number of correct low bits; any odd M is its own
        // inverse mod 8, so four rounds give 48 ≥ 30 bits.
        var x = m0;
        for (var i = 0; i < 4; i++)
            x *= 2 - m0 * x;
        _modulusInverse = (long)(x & Signed30.Mask30);
    }

    /// <summary>Replaces a value in [0, M), given as little-endian words, by its inverse (0 stays 0).</summary>
    public void InvertVar(ref ulong w0, ref ulong w1, ref ulong w2, ref ulong w3)
    {
        var f = _modulus;
        var g = Signed30.FromWords(w0, w1, w2, w3);
        var d = default(Signed30);
        var e = default(Signed30);
        e.Limbs[0] = 1;
        long eta = -1; // η = −δ

        for (var batch = 0; !g.IsZero; batch++)
        {
            if (batch == MaxBatches)
                throw new InvalidOperationException("safegcd did not converge; the inverse code is broken.");
            eta = DivSteps(eta, f.LowWord, g.LowWord, out var t);
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
    /// Runs 30 divsteps on the low words of f (odd) and g. Tracks η = −δ. Returns the new η and the
    /// scaled transition matrix: after k steps 2^k·f_k = u·f + v·g and 2^k·g_k = q·f + r·g.
    /// </summary>
    /// <remarks>
    /// Rather than one step per loop, it strips whole runs of zero bits of g at once (each is a step that
    /// only halves g), and folds up to six consecutive "g odd, no swap" steps into one: while η ≥ 0 no swap
    /// can happen for η + 1 steps, and those steps together add to g the multiple w·f with
    /// w ≡ −g/f (mod 2^k) that clears its low k bits; the halvings then come out as zero bits. A swap step
    /// (δ &gt; 0, g odd) is written as (f, g) ← (g, −f), η ← −η, followed by the same elimination (w = 1
    /// alone gives g − f, whose halving completes the textbook step).
    /// All arithmetic is mod 2^64; matrix entries stay within ±2^30 (they are the true divstep matrix).
    /// </remarks>
    private static long DivSteps(long eta, ulong f, ulong g, out Transition transition)
    {
        ulong u = 1, v = 0, q = 0, r = 1;
        var remaining = StepsPerBatch;
        while (true)
        {
            // A run of even g: each step halves g, keeps f (so u, v double) and decrements η.
            var zeros = BitOperations.TrailingZeroCount(g | ulong.MaxValue << remaining);
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
                eta = -eta;
                var oldF = f;
                f = g;
                g = 0 - oldF;
                var oldU = u;
                var oldV = v;
                u = q;
                v = r;
                q = 0 - oldU;
                r = 0 - oldV;
            }

            // Eliminate up to min(η + 1, remaining, 6) low bits of g. f⁻¹ mod 64 is f·(2 − f²): odd squares
            // are 1 mod 8, so f is its own inverse mod 8 and one Newton step doubles that to 6 bits.
            var bits = (int)Math.Min(Math.Min(eta + 1, remaining), 6);
            var w = (g * f * (f * f - 2)) & ((1UL << bits) - 1);
            g += f * w;
            q += u * w;
            r += v * w;
        }
        transition = new Transition((long)u, (long)v, (long)q, (long)r);
        return eta;
    }

    /// <summary>(f, g) ← T·(f, g) / 2^30, exactly (the low 30 bits of both sums are zero).</summary>
    private static void ApplyToFg(in Transition t, ref Signed30 f, ref Signed30 g)
    {
        long cf = t.U * f.Limbs[0] + t.V * g.Limbs[0];
        long cg = t.Q * f.Limbs[0] + t.R * g.Limbs[0];
        cf >>= 30;
        cg >>= 30;
        for (var i = 1; i < Signed30.Count; i++)
        {
            long fi = f.Limbs[i], gi = g.Limbs[i];
            cf += t.U * fi + t.V * gi;
            cg += t.Q * fi + t.R * gi;
            f.Limbs[i - 1] = cf & Signed30.Mask30;
            g.Limbs[i - 1] = cg & Signed30.Mask30;
            cf >>= 30;
            cg >>= 30;
        }
        f.Limbs[Signed30.Count - 1] = cf;
        g.Limbs[Signed30.Count - 1] = cg;
    }

    /// <summary>(d, e) ← T·(d, e) / 2^30 mod M, adding the multiples of M that make the division exact.</summary>
    private void ApplyToDe(in Transition t, ref Signed30 d, ref Signed30 e)
    {
        ref readonly var m = ref _modulus;
        long cd = t.U * d.Limbs[0] + t.V * e.Limbs[0];
        long ce = t.Q * d.Limbs[0] + t.R * e.Limbs[0];
        // md ≡ −cd·M⁻¹ (mod 2^30) makes cd + md·M ≡ 0 (mod 2^30); md, me ∈ [0, 2^30).
        var md = -(cd * _modulusInverse) & Signed30.Mask30;
        var me = -(ce * _modulusInverse) & Signed30.Mask30;
        cd += md * m.Limbs[0];
        ce += me * m.Limbs[0];
        cd >>= 30;
        ce >>= 30;
        for (var i = 1; i < Signed30.Count; i++)
        {
            long di = d.Limbs[i], ei = e.Limbs[i], mi = m.Limbs[i];
            cd += t.U * di + t.V * ei + md * mi;
            ce += t.Q * di + t.R * ei + me * mi;
            d.Limbs[i - 1] = cd & Signed30.Mask30;
            e.Limbs[i - 1] = ce & Signed30.Mask30;
            cd >>= 30;
            ce >>= 30;
        }
        d.Limbs[Signed30.Count - 1] = cd;
        e.Limbs[Signed30.Count - 1] = ce;
    }
}

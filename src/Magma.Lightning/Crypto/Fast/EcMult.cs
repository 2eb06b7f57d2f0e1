namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// a·P + b·G in one interleaved (Strauss–Shamir) pass over four 128-bit digit strings: the GLV halves of a
/// (against P and λP, window 5, from a per-call effective-affine table) and the two 128-bit halves of b
/// (against G and 2^128·G, window <see cref="GeneratorTable.Window"/>, from the static tables).
/// About 128 doublings and 60 mixed additions in total. Variable-time: public data only.
/// </summary>
internal static class EcMult
{
    private const int PointWindow = 5;
    private const int PointTableSize = 1 << (PointWindow - 2);

    /// <summary>GLV halves are below 2^128 (see <see cref="Endomorphism"/>); one spare bit for safety.</summary>
    private const int HalfBits = 129;

    private const int DigitCount = HalfBits + 1;

    /// <summary>
    /// a·P + b·G as a Jacobian point on the curve itself (it is the point at infinity when the sum is).
    /// </summary>
    public static JacobianPoint MultiplyAdd(in AffinePoint p, in Scalar a, in Scalar b)
    {
        // The halves come as |k| below 2^129 and a sign, which flips the digits' signs.
        Endomorphism.Split(a, out var a1, out var negative1, out var a2, out var negative2);
        var sign1 = negative1 ? -1 : 1;
        var sign2 = negative2 ? -1 : 1;

        Span<int> digits1 = stackalloc int[DigitCount];
        Span<int> digits2 = stackalloc int[DigitCount];
        Span<int> digitsLow = stackalloc int[DigitCount];
        Span<int> digitsHigh = stackalloc int[DigitCount];
        var length1 = Wnaf.Compute(a1, PointWindow, HalfBits, digits1);
        var length2 = Wnaf.Compute(a2, PointWindow, HalfBits, digits2);
        var lengthLow = Wnaf.Compute(new Scalar(b.D0, b.D1, 0, 0), GeneratorTable.Window, 128, digitsLow);
        var lengthHigh = Wnaf.Compute(new Scalar(b.D2, b.D3, 0, 0), GeneratorTable.Window, 128, digitsHigh);

        var generatorTable = GeneratorTable.G;
        var generator128Table = GeneratorTable.G128;
        // The generator tables are far larger than the L1/L2 share a call can count on between other work
        // (parsing, hashing): start all their loads now, so the misses overlap with building the point's
        // table instead of stalling the loop.
        Touched = Touch(generatorTable, digitsLow[..lengthLow]) ^ Touch(generator128Table, digitsHigh[..lengthHigh]);

        // Odd multiples of P on the isomorphic curve with denominator zScale, and of λP = (β·x, y) there too
        // (scaling x by Z² commutes with multiplying it by β).
        Span<AffinePoint> table = stackalloc AffinePoint[PointTableSize];
        Span<AffinePoint> lambdaTable = stackalloc AffinePoint[PointTableSize];
        Span<FieldElement> scratch = stackalloc FieldElement[PointTableSize];
        var zScale = FieldElement.One;
        if ((length1 | length2) != 0)
        {
            zScale = OddMultiplesTable.Build(p, table, scratch);
            for (var i = 0; i < PointTableSize; i++)
                lambdaTable[i] = new AffinePoint(table[i].X.Mul(Endomorphism.Beta), table[i].Y);
        }

        var accumulator = JacobianPoint.Infinity;
        var top = Math.Max(Math.Max(length1, length2), Math.Max(lengthLow, lengthHigh));
        for (var i = top - 1; i >= 0; i--)
        {
            JacobianPoint.Double(ref accumulator);
            int d;
            if ((d = digits1[i] * sign1) != 0)
                JacobianPoint.AddAffine(ref accumulator, Entry(table, d), d < 0);
            if ((d = digits2[i] * sign2) != 0)
                JacobianPoint.AddAffine(ref accumulator, Entry(lambdaTable, d), d < 0);
            if ((d = digitsLow[i]) != 0)
                JacobianPoint.AddScaledAffine(ref accumulator, Entry(generatorTable, d), zScale, d < 0);
            if ((d = digitsHigh[i]) != 0)
                JacobianPoint.AddScaledAffine(ref accumulator, Entry(generator128Table, d), zScale, d < 0);
        }

        // Back from the scaled curve: (X, Y, Z) there is (X, Y, Z·zScale) here.
        if (!accumulator.IsInfinity)
            accumulator.Z = accumulator.Z.Mul(zScale);
        return accumulator;
    }

    /// <summary>Written so the loads of <see cref="Touch"/> are not dropped as dead code.</summary>
    private static ulong Touched;

    /// <summary>Reads both cache lines of each table entry the digits will use.</summary>
    private static ulong Touch(ReadOnlySpan<AffinePoint> oddMultiples, ReadOnlySpan<int> digits)
    {
        ulong sum = 0;
        foreach (var d in digits)
        {
            if (d != 0)
            {
                ref readonly var entry = ref Entry(oddMultiples, d);
                sum += entry.X.N0 + entry.Y.N4;
            }
        }
        return sum;
    }

    /// <summary>|digit|·Q from a table of odd multiples: entry (|d|−1)/2 (the caller negates for d &lt; 0).</summary>
    private static ref readonly AffinePoint Entry(ReadOnlySpan<AffinePoint> oddMultiples, int digit) =>
        ref oddMultiples[(Math.Abs(digit) - 1) >> 1];
}

using System.Diagnostics;

namespace Magma.Lightning.Crypto.Fast;

/// <summary>
/// Debug-build checks of each operation's limb bounds. The magnitude bookkeeping in the point formulas is
/// argued in comments; in Debug builds (the tests) every call also verifies its precondition, so the
/// randomised cross-checks exercise the argument on real data. Release builds compile the calls away.
/// </summary>
internal readonly partial struct FieldElement
{
    [Conditional("DEBUG")]
    private void RequireLimbsBelow(ulong bound, string operation)
    {
        if (N0 >= bound || N1 >= bound || N2 >= bound || N3 >= bound || N4 >= bound)
            throw new InvalidOperationException($"{operation}: a limb exceeds 2^{Math.Log2(bound):0} ({this.Dump()}).");
    }

    /// <summary>Negate(m) subtracts from (m+1)·p limb by limb: no limb may exceed (m+1)·pᵢ.</summary>
    [Conditional("DEBUG")]
    private void RequireNegatable(uint magnitude, string operation)
    {
        var k = magnitude + 1UL;
        if (N0 > k * P0 || N1 > k * P1 || N2 > k * P2 || N3 > k * P3 || N4 > k * P4)
            throw new InvalidOperationException($"{operation}: limbs above {k}·p ({this.Dump()}).");
    }

    private string Dump() => $"{N0:x} {N1:x} {N2:x} {N3:x} {N4:x}";
}

namespace Magma.Lightning.Bolt11;

/// <summary>The <c>9</c> field's feature bits, bit 0 being the least significant.</summary>
public sealed class Bolt11Features
{
    public static readonly Bolt11Features Empty = new([]);

    private readonly bool[] _bits;

    public Bolt11Features(IEnumerable<int> setBits)
    {
        var list = setBits.ToList();
        _bits = new bool[list.Count == 0 ? 0 : list.Max() + 1];
        foreach (var bit in list)
            _bits[bit] = true;
    }

    public int Length => _bits.Length;

    public bool IsSet(int bit) => bit < _bits.Length && _bits[bit];

    public IEnumerable<int> SetBits => Enumerable.Range(0, _bits.Length).Where(i => _bits[i]);

    /// <summary>Feature pairs: an even bit means required, the odd bit beside it optional.</summary>
    public bool Supports(int evenBit) => IsSet(evenBit) || IsSet(evenBit + 1);

    public override string ToString() => string.Join(",", SetBits);
}

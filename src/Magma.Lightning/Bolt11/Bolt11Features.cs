namespace Magma.Lightning.Bolt11;

/// <summary>The <c>9</c> field's feature bits, bit 0 being the least significant.</summary>
public sealed class Bolt11Features
{
    public static readonly Bolt11Features Empty = new(Array.Empty<bool>());

    private readonly bool[] _bits;

    public Bolt11Features(IEnumerable<int> setBits)
    {
        var list = setBits.ToList();
        if (list.Any(bit => bit < 0))
            throw new ArgumentOutOfRangeException(nameof(setBits), "Feature bits are numbered from 0.");
        _bits = new bool[list.Count == 0 ? 0 : list.Max() + 1];
        foreach (var bit in list)
            _bits[bit] = true;
    }

    private Bolt11Features(bool[] bits) => _bits = bits;

    /// <summary>One more than the highest set bit.</summary>
    public int Length => _bits.Length;

    public bool IsSet(int bit) => bit >= 0 && bit < _bits.Length && _bits[bit];

    public IEnumerable<int> SetBits => Enumerable.Range(0, _bits.Length).Where(i => _bits[i]);

    /// <summary>Feature pairs: an even bit means required, the odd bit beside it optional.</summary>
    public bool Supports(int evenBit) => IsSet(evenBit) || IsSet(evenBit + 1);

    public override string ToString() => string.Join(",", SetBits);

    internal int WordCount => (_bits.Length + 4) / 5;

    // The field is big-endian: bit 0 is the lowest bit of the last word.
    internal static Bolt11Features FromWords(ReadOnlySpan<byte> words)
    {
        var highest = -1;
        for (var bit = words.Length * 5 - 1; bit >= 0 && highest < 0; bit--)
            if (IsSetInWords(words, bit))
                highest = bit;
        if (highest < 0)
            return Empty;
        var bits = new bool[highest + 1];
        for (var bit = 0; bit <= highest; bit++)
            bits[bit] = IsSetInWords(words, bit);
        return new Bolt11Features(bits);
    }

    internal void WriteWords(Span<byte> words)
    {
        words.Clear();
        for (var bit = 0; bit < _bits.Length; bit++)
            if (_bits[bit])
                words[words.Length - 1 - bit / 5] |= (byte)(1 << (bit % 5));
    }

    private static bool IsSetInWords(ReadOnlySpan<byte> words, int bit) =>
        (words[words.Length - 1 - bit / 5] & (1 << (bit % 5))) != 0;
}

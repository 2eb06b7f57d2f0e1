using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

/// <summary>Accumulates the 5-bit words of an invoice's data part while it is being written.</summary>
internal sealed class Bolt11WordWriter
{
    private readonly List<byte> _words = new(512);

    public int Count => _words.Count;

    public ReadOnlySpan<byte> Words => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_words);

    /// <summary>Writes <paramref name="value"/> big-endian in exactly <paramref name="wordCount"/> words.</summary>
    public void WriteFixed(ulong value, int wordCount)
    {
        for (var i = wordCount - 1; i >= 0; i--)
            _words.Add((byte)((value >> (5 * i)) & 31));
    }

    public void WriteWords(ReadOnlySpan<byte> words)
    {
        foreach (var word in words)
            _words.Add(word);
    }

    public void WriteField(byte tag, ReadOnlySpan<byte> data)
    {
        if (data.Length > Bolt11Tags.MaxFieldWords)
            throw new ArgumentException($"Field '{Bolt11Tags.Letter(tag)}' needs {data.Length} words; a field holds at most {Bolt11Tags.MaxFieldWords}.");
        _words.Add(tag);
        WriteFixed((ulong)data.Length, 2);
        WriteWords(data);
    }

    public void WriteBytesField(byte tag, ReadOnlySpan<byte> bytes) => WriteField(tag, Bech32Words.FromBytes(bytes));

    /// <summary>A number in the fewest words that hold it (none for zero).</summary>
    public void WriteNumberField(byte tag, ulong value)
    {
        var wordCount = 0;
        for (var rest = value; rest > 0; rest >>= 5)
            wordCount++;
        _words.Add(tag);
        WriteFixed((ulong)wordCount, 2);
        WriteFixed(value, wordCount);
    }
}

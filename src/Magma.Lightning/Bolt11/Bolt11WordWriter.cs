using Magma.Lightning.Encoding;

namespace Magma.Lightning.Bolt11;

internal sealed class Bolt11WordWriter
{
    private readonly List<byte> _words = new(512);

    public int Count => _words.Count;

    public ReadOnlySpan<byte> Words => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_words);

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

    // Writers should use the minimal data_length: no leading zero words, and none at all for zero.
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

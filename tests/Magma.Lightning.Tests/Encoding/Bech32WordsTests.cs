using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Encoding;

public class Bech32WordsTests
{
    [Fact]
    public void RoundTripsBytesOfEveryLengthUpToForty()
    {
        var random = new Random(173);
        for (var length = 0; length <= 40; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);

            var words = Bech32Words.FromBytes(bytes);

            Assert.Equal(Bech32Words.WordCountFor(length), words.Length);
            Assert.All(words, word => Assert.InRange(word, (byte)0, (byte)31));
            Assert.True(Bech32Words.TryToBytes(words, out var back));
            Assert.Equal(bytes, back);
        }
    }

    [Fact]
    public void RejectsMoreThanFourPaddingBits()
    {
        // Three words are 15 bits: one byte and seven bits of padding.
        Assert.False(Bech32Words.TryToBytes([0, 0, 0], out _));
    }

    [Fact]
    public void RejectsNonZeroPaddingBits()
    {
        // Two words are 10 bits: one byte and two padding bits, here set.
        Assert.False(Bech32Words.TryToBytes([0, 1], out _));
        Assert.True(Bech32Words.TryToBytes([0, 4], out var bytes));
        Assert.Equal(new byte[] { 1 }, bytes);
    }

    [Fact]
    public void PacksEightWordsIntoFiveBytesAcrossTheFastPath()
    {
        byte[] words = [31, 31, 31, 31, 31, 31, 31, 31, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var bytes = new byte[words.Length * 5 / 8];

        Bech32Words.ToBytesTruncating(words, bytes);

        Assert.Equal(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0x08, 0x86, 0x42, 0x98, 0xe8 }, bytes);
    }
}

using System.Text;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Encoding;

namespace Magma.Lightning.Tests.Bolt11;

// Decoding untrusted strings must always return a result, never throw.
public class Bolt11MutationFuzzTests
{
    private const string Bech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    [Fact]
    public void NeverThrowsOnThousandsOfMutatedInvoices()
    {
        var random = new Random(20240611);
        var seeds = Seeds();
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < 6000; i++)
        {
            var mutated = Mutate(seeds[random.Next(seeds.Count)], random);
            var key = Classify(Bolt11Decoder.Decode(mutated));
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        // The mutations reach well past the checksum: several distinct outcomes, including successes.
        Assert.True(outcomes.Count >= 6, string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
    }

    [Fact]
    public void NeverThrowsOnRandomDataWithValidChecksums()
    {
        var random = new Random(7);
        var prefixes = new[] { "lnbc", "lntb", "lntbs", "lnbcrt", "lnsb", "lnbc2500u", "lnbc10p", "lnbc1p", "ln", "lnbc0" };
        var reachedSignature = 0;

        for (var i = 0; i < 2500; i++)
        {
            var words = new byte[random.Next(0, 500)];
            for (var j = 0; j < words.Length; j++)
                words[j] = (byte)random.Next(32);
            PlantPlausibleFields(words, random);

            var result = Bolt11Decoder.Decode(Bech32.Encode(prefixes[random.Next(prefixes.Length)], words, Bech32Variant.Bech32), RandomNetwork(random));
            Classify(result);
            if (result.Error?.Code is Bolt11ErrorCode.InvalidSignature or Bolt11ErrorCode.PayeeMismatch || result.Success)
                reachedSignature++;
        }

        Assert.True(reachedSignature > 0);
    }

    [Fact]
    public void NeverThrowsOnHugeOrHostileInputs()
    {
        var valid = Bolt11SpecVectors.Donation;
        string[] inputs =
        [
            null!, "", " ", "1", "ln1", "lnbc1", new string('1', 50_000), valid + new string('q', 10_000),
            string.Concat(Enumerable.Repeat(valid, 50)), new string('q', Bolt11Decoder.MaxLength),
            "lnbc" + new string('9', 5000) + "m1" + valid[5..], valid.Replace('q', '\0'), valid + "\uD800",
            "LNBC1" + valid[5..].ToUpperInvariant() + "é", valid.Insert(4, "1"), "\u00a0" + valid,
        ];

        foreach (var input in inputs)
            Classify(Bolt11Decoder.Decode(input));
    }

    private static List<string> Seeds()
    {
        var seeds = new List<string>(Bolt11SpecVectors.AllValid);
        seeds.AddRange(Bolt11SpecVectors.Invalid.Select(v => v.Invoice));
        seeds.Add(RawInvoiceBuilder.Minimal().Bytes('n', RawInvoiceBuilder.Key.PublicKey.Compressed.ToArray()).Sign("lnbcrt10n"));
        return seeds;
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        var rounds = random.Next(1, 4);
        for (var round = 0; round < rounds && text.Length > 0; round++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(10))
            {
                case 0: text[at] = Bech32Alphabet[random.Next(32)]; break;
                case 1: text[at] = (char)random.Next(0, 0x3000); break;
                case 2: text.Insert(at, Bech32Alphabet[random.Next(32)]); break;
                case 3: text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)); break;
                case 4: text.Length = at; break;
                case 5: text[at] = char.IsUpper(text[at]) ? char.ToLowerInvariant(text[at]) : char.ToUpperInvariant(text[at]); break;
                case 6: return random.Next(2) == 0 ? text.ToString().ToUpperInvariant() : text.ToString().ToLowerInvariant();
                case 7: text.Insert(at, text.ToString(at, Math.Min(40, text.Length - at))); break;
                case 8: text[at] = '1'; break;
                default: return Reencode(text.ToString(), random);
            }
        }
        return text.ToString();
    }

    // Flips a data word and recomputes the checksum, so the damage reaches the field parser.
    private static string Reencode(string text, Random random)
    {
        if (!Bech32.TryDecode(text, int.MaxValue, out var decoded, out _) || decoded.Words.Length == 0)
            return text;
        var words = decoded.Words.ToArray();
        words[random.Next(words.Length)] = (byte)random.Next(32);
        return Bech32.Encode(decoded.Hrp, words, Bech32Variant.Bech32);
    }

    private static void PlantPlausibleFields(byte[] words, Random random)
    {
        // Often the required p, s and d headers, then more well-formed headers, so that random data
        // gets past the required-field checks and exercises every field reader and the signature check.
        var at = 7;
        var end = words.Length - 104;
        if (random.Next(2) == 0)
            foreach (var (tag, length) in new[] { (1, 52), (16, 52), (13, random.Next(0, 20)) })
            {
                if (at + 3 + length > end)
                    return;
                (words[at], words[at + 1], words[at + 2]) = ((byte)tag, (byte)(length >> 5), (byte)(length & 31));
                at += 3 + length;
            }
        while (at + 3 < end)
        {
            var length = Math.Min(random.Next(0, 60), end - at - 3);
            (words[at], words[at + 1], words[at + 2]) = ((byte)random.Next(32), (byte)(length >> 5), (byte)(length & 31));
            at += 3 + length;
        }
    }

    private static BitcoinNetwork? RandomNetwork(Random random) =>
        random.Next(3) == 0 ? BitcoinNetwork.All[random.Next(BitcoinNetwork.All.Count)] : null;

    private static string Classify(Bolt11DecodeResult result)
    {
        Assert.NotNull(result);
        if (result.Success)
        {
            Assert.Null(result.Error);
            Assert.Equal(64, result.Invoice.PaymentHash.Length);
            return "ok";
        }
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error.Code.ToString();
    }
}

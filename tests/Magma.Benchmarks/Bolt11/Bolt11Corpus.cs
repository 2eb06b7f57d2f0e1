using System.Security.Cryptography;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;

namespace Magma.Benchmarks.Bolt11;

// Distinct signed regtest invoices from a few payees, with the payee each one must decode to.
internal sealed record Bolt11Corpus(IReadOnlyList<string> Invoices, IReadOnlyList<PublicKey> Payees)
{
    public static Bolt11Corpus Create(int count, int payeeCount, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(1, payeeCount)
            .Select(i => PrivateKey.ParseHex(Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(seed + i)))))
            .ToArray();
        var start = DateTimeOffset.FromUnixTimeSeconds(1_718_000_000);
        var invoices = new string[count];
        var payees = new PublicKey[count];

        for (var i = 0; i < count; i++)
        {
            var key = keys[i % keys.Length];
            var draft = new Bolt11InvoiceDraft
            {
                Network = BitcoinNetwork.Regtest,
                AmountMsat = random.Next(4) == 0 ? null : random.NextInt64(1, 5_000_000_000),
                Timestamp = start.AddSeconds(i),
                PaymentHash = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i))),
                PaymentSecret = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(-i - 1))),
                Description = $"Magma liquidity lease #{i}: {random.Next(1, 100)} x {random.Next(100_000, 10_000_000)} sat for {random.Next(1, 52)} weeks",
                ExpirySeconds = random.Next(600, 86_400),
                MinFinalCltvExpiry = random.Next(18, 200),
            };
            invoices[i] = Bolt11Encoder.Encode(draft, key);
            payees[i] = key.PublicKey;
        }
        return new Bolt11Corpus(invoices, payees);
    }
}

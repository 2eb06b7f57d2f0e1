using System.Diagnostics;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;

namespace Magma.Benchmarks.Bolt11;

// Decodes a corpus in-process on one thread, after a warm-up pass, checking every result.
internal static class MagmaDecodeTimer
{
    // Full decode: parsing, hashing and public-key recovery. Returns invoices per second.
    public static double DecodeAndVerify(Bolt11Corpus corpus)
    {
        Run(corpus, verify: true);
        return Run(corpus, verify: true);
    }

    // The same work minus the recovery, which is replaced by the known payee.
    public static double DecodeWithoutRecovery(Bolt11Corpus corpus)
    {
        Run(corpus, verify: false);
        return Run(corpus, verify: false);
    }

    private static double Run(Bolt11Corpus corpus, bool verify)
    {
        var invoices = corpus.Invoices;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < invoices.Count; i++)
        {
            var result = verify
                ? Bolt11Decoder.Decode(invoices[i], BitcoinNetwork.Regtest)
                : Bolt11Decoder.DecodeSkippingSignatureCheck(invoices[i], corpus.Payees[i]);
            if (!result.Success || !result.Invoice.Payee.Equals(corpus.Payees[i]))
                throw new InvalidOperationException($"Invoice {i} did not decode to its payee: {result.Error?.Message}");
        }
        stopwatch.Stop();
        return invoices.Count / stopwatch.Elapsed.TotalSeconds;
    }
}

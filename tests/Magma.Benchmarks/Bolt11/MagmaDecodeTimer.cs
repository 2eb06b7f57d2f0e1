using System.Diagnostics;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;

namespace Magma.Benchmarks.Bolt11;

// Decodes a corpus in-process on one thread, checking every result: a warm-up pass, then the
// fastest of several full passes (node gets the same treatment, so neither side is timed mid-JIT
// or during a neighbour's burst of load).
internal static class MagmaDecodeTimer
{
    // Full decode: parsing, hashing and public-key recovery. Returns invoices per second.
    public static double DecodeAndVerify(Bolt11Corpus corpus, int passes) => Best(corpus, verify: true, passes);

    // The same work minus the recovery, which is replaced by the known payee.
    public static double DecodeWithoutRecovery(Bolt11Corpus corpus, int passes) => Best(corpus, verify: false, passes);

    private static double Best(Bolt11Corpus corpus, bool verify, int passes)
    {
        Run(corpus, verify);
        var best = 0.0;
        for (var pass = 0; pass < passes; pass++)
            best = Math.Max(best, Run(corpus, verify));
        return best;
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

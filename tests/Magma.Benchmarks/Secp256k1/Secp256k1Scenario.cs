using System.Diagnostics;
using Magma.Lightning.Crypto;
using Magma.Testing.Secp256k1;

namespace Magma.Benchmarks.Secp256k1;

/// <summary>
/// Single-threaded secp256k1 public-key recovery, verification and signing throughput on distinct
/// signatures: the in-house code behind <see cref="Lightning.Crypto.Secp256k1"/> against the BouncyCastle
/// baselines. Signing also reports the bytes it allocates per signature.
/// Usage: <c>secp256k1 [signatures=10000] [seconds per figure=3]</c>. Each figure is timed over many short
/// slices of the distinct signatures (cycling through all of them) and reports the best slice: on a shared
/// machine that is the one least disturbed by other processes. Slices are timed in the thread's CPU time
/// (Linux; wall-clock elsewhere), which is what single-threaded throughput means on a busy machine and
/// equals wall-clock time on an idle one; the best wall-clock slice and the medians are printed alongside.
/// </summary>
public sealed class Secp256k1Scenario : IBenchmarkScenario
{
    public string Name => "secp256k1";

    private sealed record Sample(byte[] Digest, byte[] Compact, int RecoveryId, PublicKey Key, PrivateKey Secret);

    public Task<int> Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;

        Console.WriteLine($"signing {count} distinct (key, digest) pairs (RFC6979, Secp256k1.SignRecoverable)...");
        var samples = CreateSamples(count);

        // Warm-up: tier the fast path up to optimised code and build its generator table.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            RecoverAll(samples);
            VerifyAll(samples);
        }

        var recover = Measure("fast recover", samples, 1_000, seconds, RecoverAll);
        var verify = Measure("fast verify", samples, 1_000, seconds, VerifyAll);
        BouncyCastleRecoverAll(samples[..200]);
        var bouncyCastle = Measure("BouncyCastle recover", samples, 100, seconds, BouncyCastleRecoverAll);

        Console.WriteLine($"speedup over BouncyCastle: {recover / bouncyCastle:0.0}x ({1e6 / recover:0.0} µs vs {1e6 / bouncyCastle:0.0} µs per recovery)");

        SignAll(samples[..200]);
        BouncyCastleSignAll(samples[..200]);
        var sign = Measure("sign (constant-time)", samples, 200, seconds, SignAll);
        var bouncyCastleSign = Measure("BouncyCastle sign", samples, 100, seconds, BouncyCastleSignAll);
        var signKb = KilobytesPerOperation(samples[..200], SignAll);
        var bouncyCastleSignKb = KilobytesPerOperation(samples[..200], BouncyCastleSignAll);
        Console.WriteLine($"signing: {1e6 / sign:0.0} µs and {signKb:0.0} KB per signature vs BouncyCastle {1e6 / bouncyCastleSign:0.0} µs and {bouncyCastleSignKb:0.0} KB");

        ResultLine.Write("secp256k1",
            ("recover_per_s", recover),
            ("verify_per_s", verify),
            ("bouncycastle_recover_per_s", bouncyCastle),
            ("speedup", recover / bouncyCastle),
            ("sign_us", 1e6 / sign),
            ("sign_kb", signKb),
            ("bouncycastle_sign_us", 1e6 / bouncyCastleSign),
            ("bouncycastle_sign_kb", bouncyCastleSignKb));
        return Task.FromResult(0);
    }

    private static Sample[] CreateSamples(int count)
    {
        var random = new Random(20240601);
        var samples = new Sample[count];
        var secret = new byte[32];
        for (var i = 0; i < count; i++)
        {
            PrivateKey key;
            do random.NextBytes(secret);
            while (!PrivateKey.TryParse(secret, out key));
            var digest = new byte[32];
            random.NextBytes(digest);
            var signature = Lightning.Crypto.Secp256k1.SignRecoverable(digest, key);
            samples[i] = new Sample(digest, signature.Compact, signature.RecoveryId, key.PublicKey, key);
        }
        return samples;
    }

    private static void RecoverAll(Sample[] samples)
    {
        foreach (var s in samples)
            if (!Lightning.Crypto.Secp256k1.TryRecover(s.Digest, s.Compact, s.RecoveryId, out var key) || !key.Equals(s.Key))
                throw new InvalidOperationException("fast recovery returned the wrong key");
    }

    private static void VerifyAll(Sample[] samples)
    {
        foreach (var s in samples)
            if (!Lightning.Crypto.Secp256k1.Verify(s.Digest, s.Compact, s.Key))
                throw new InvalidOperationException("fast verification rejected a valid signature");
    }

    private static void SignAll(Sample[] samples)
    {
        foreach (var s in samples)
        {
            var signature = Lightning.Crypto.Secp256k1.SignRecoverable(s.Digest, s.Secret);
            if (signature.RecoveryId != s.RecoveryId || !signature.Compact.SequenceEqual(s.Compact))
                throw new InvalidOperationException("signing changed a deterministic signature");
        }
    }

    private static void BouncyCastleSignAll(Sample[] samples)
    {
        foreach (var s in samples)
        {
            var (compact, recoveryId) = BouncyCastleReference.SignRecoverable(s.Digest, s.Secret.Secret);
            if (recoveryId != s.RecoveryId || !compact.AsSpan().SequenceEqual(s.Compact))
                throw new InvalidOperationException("BouncyCastle signing disagrees with Magma's signature");
        }
    }

    /// <summary>Heap bytes the calling thread allocates per sample, in KB (1024 bytes).</summary>
    private static double KilobytesPerOperation(Sample[] samples, Action<Sample[]> operation)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        operation(samples);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / samples.Length;
    }

    private static void BouncyCastleRecoverAll(Sample[] samples)
    {
        foreach (var s in samples)
            if (!BouncyCastleReference.TryRecover(s.Digest, s.Compact, s.RecoveryId, out var key) || !s.Key.Compressed.SequenceEqual(key))
                throw new InvalidOperationException("BouncyCastle recovery returned the wrong key");
    }

    /// <summary>
    /// Runs <paramref name="operation"/> over consecutive slices of <paramref name="sliceSize"/> samples for
    /// about <paramref name="seconds"/>; returns the best slice's operations per second.
    /// </summary>
    private static double Measure(string label, Sample[] samples, int sliceSize, double seconds, Action<Sample[]> operation)
    {
        var rates = new List<double>();
        var wallRates = new List<double>();
        var total = Stopwatch.StartNew();
        var start = 0;
        while (total.Elapsed.TotalSeconds < seconds || rates.Count < 5)
        {
            if (start + sliceSize > samples.Length)
                start = 0;
            var slice = samples.AsSpan(start, sliceSize).ToArray();
            start += sliceSize;
            var watch = Stopwatch.StartNew();
            var cpuStart = ThreadCpuClock.Now();
            operation(slice);
            rates.Add(sliceSize / (ThreadCpuClock.Now() - cpuStart));
            wallRates.Add(sliceSize / watch.Elapsed.TotalSeconds);
        }
        rates.Sort();
        wallRates.Sort();
        var best = rates[^1];
        var clock = ThreadCpuClock.IsThreadTime ? "cpu" : "wall";
        Console.WriteLine($"{label,-22} best {best,9:0} /s ({1e6 / best,6:0.0} µs, {clock})   median {rates[rates.Count / 2],9:0} /s   " +
            $"wall best {wallRates[^1],9:0} /s   median {wallRates[wallRates.Count / 2],9:0} /s   ({rates.Count} slices of {sliceSize})");
        return best;
    }
}

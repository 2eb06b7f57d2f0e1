using Magma.Lightning.Crypto;
using Magma.Lightning.Crypto.Fast;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>The fast path's inner calls allocate nothing (the public API adds only the result key).</summary>
public class FastPathAllocationTests
{
    [Fact]
    public void Recovery_and_verification_allocate_nothing_once_warm()
    {
        var key = PrivateKey.ParseHex("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181");
        var digest = new byte[32];
        digest[5] = 42;
        var signature = Secp256k1.SignRecoverable(digest, key);
        Assert.True(PointCodec.TryDecompress(key.PublicKey.Compressed, out var point));
        var output = new byte[33];

        // Warm up (static tables, JIT) first.
        Assert.True(PublicKeyRecovery.TryRecover(digest, signature.Compact, signature.RecoveryId, output));
        Assert.True(SignatureVerification.Verify(digest, signature.Compact, point));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            PublicKeyRecovery.TryRecover(digest, signature.Compact, signature.RecoveryId, output);
            SignatureVerification.Verify(digest, signature.Compact, point);
            PointCodec.TryDecompress(key.PublicKey.Compressed, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(key.PublicKey.Compressed.ToArray(), output);
    }
}

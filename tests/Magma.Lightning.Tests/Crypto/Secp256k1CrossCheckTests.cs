using Magma.Lightning.Crypto;
using Magma.Testing.Secp256k1;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>The public surface (fast recovery and verification) against BouncyCastle, on many random inputs.</summary>
public class Secp256k1CrossCheckTests
{
    internal static PrivateKey RandomKey(Random random)
    {
        var secret = new byte[32];
        while (true)
        {
            random.NextBytes(secret);
            if (PrivateKey.TryParse(secret, out var key))
                return key;
        }
    }

    internal static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Recovery_and_verification_agree_with_the_signer_and_with_BouncyCastle_on_5000_signatures()
    {
        var random = new Random(1001);
        var other = RandomKey(random);
        for (var i = 0; i < 5000; i++)
        {
            var key = RandomKey(random);
            var digest = RandomBytes(random, 32);
            var signature = Secp256k1.SignRecoverable(digest, key);

            Assert.True(Secp256k1.TryRecover(digest, signature.Compact, signature.RecoveryId, out var recovered));
            Assert.Equal(key.PublicKey, recovered);
            Assert.True(BouncyCastleReference.TryRecover(digest, signature.Compact, signature.RecoveryId, out var reference));
            Assert.Equal(reference, recovered.Compressed.ToArray());
            Assert.True(Secp256k1.Verify(digest, signature.Compact, key.PublicKey));

            // A different digest: verification fails and recovery, if it succeeds at all, names someone else.
            var wrongDigest = (byte[])digest.Clone();
            wrongDigest[random.Next(32)] ^= (byte)(1 << random.Next(8));
            Assert.False(Secp256k1.Verify(wrongDigest, signature.Compact, key.PublicKey));
            Assert.True(!Secp256k1.TryRecover(wrongDigest, signature.Compact, signature.RecoveryId, out var wrong) || !wrong.Equals(key.PublicKey));

            // A different key does not verify.
            Assert.False(Secp256k1.Verify(digest, signature.Compact, other.PublicKey));
            if (i % 10 == 0)
                Assert.True(BouncyCastleReference.Verify(digest, signature.Compact, key.PublicKey.Compressed));
            other = key;
        }
    }

    [Fact]
    public void Recovery_from_arbitrary_compact_signatures_matches_BouncyCastle()
    {
        // Random (r, s, id): about half of all r are x coordinates on the curve, so both success and
        // failure paths get exercised, as do r, s ≥ n (every 7th, 11th) and ids 2 and 3 (where r + n ≥ p
        // almost always): expect roughly 3000 · ½ (id 0/1) · ½ (on the curve) · ¾ (in range) ≈ 570 keys.
        var random = new Random(1002);
        var successes = 0;
        for (var i = 0; i < 3000; i++)
        {
            var digest = RandomBytes(random, 32);
            var compact = RandomBytes(random, 64);
            if (i % 7 == 0)
                compact.AsSpan(0, 16).Fill(0xFF);
            if (i % 11 == 0)
                compact.AsSpan(32, 16).Fill(0xFF);
            var id = random.Next(4);
            var fastOk = Secp256k1.TryRecover(digest, compact, id, out var fast);
            var referenceOk = BouncyCastleReference.TryRecover(digest, compact, id, out var reference);
            Assert.Equal(referenceOk, fastOk);
            if (fastOk)
            {
                successes++;
                Assert.Equal(reference, fast.Compressed.ToArray());
                // Whatever key falls out, the signature verifies under it.
                Assert.True(Secp256k1.Verify(digest, compact, fast));
            }
        }
        Assert.InRange(successes, 450, 700);
    }

    [Fact]
    public void Verification_of_arbitrary_signatures_and_keys_matches_BouncyCastle()
    {
        var random = new Random(1003);
        for (var i = 0; i < 1000; i++)
        {
            var key = RandomKey(random).PublicKey;
            var digest = RandomBytes(random, 32);
            var compact = RandomBytes(random, 64);
            if (i % 5 == 0)
                compact.AsSpan(0, 16).Fill(0xFF);
            Assert.Equal(BouncyCastleReference.Verify(digest, compact, key.Compressed), Secp256k1.Verify(digest, compact, key));
        }
    }

    [Fact]
    public void Compressed_point_validation_matches_BouncyCastle()
    {
        var random = new Random(1004);
        var valid = 0;
        for (var i = 0; i < 3000; i++)
        {
            var candidate = RandomBytes(random, 33);
            candidate[0] = i % 50 == 0 ? (byte)random.Next(256) : (byte)(2 + random.Next(2));
            if (i % 13 == 0)
                candidate.AsSpan(1, 28).Fill(0xFF); // x at or above p, or just below
            var fast = Secp256k1.IsValidCompressedPoint(candidate);
            Assert.Equal(BouncyCastleReference.IsValidCompressedPoint(candidate) && candidate[0] is 2 or 3, fast);
            Assert.Equal(fast, PublicKey.TryParse(candidate, out _));
            if (fast) valid++;
        }
        Assert.InRange(valid, 1200, 1700);
    }

    [Fact]
    public void Recovered_keys_round_trip_through_PublicKey_parsing()
    {
        var random = new Random(1005);
        for (var i = 0; i < 200; i++)
        {
            var key = RandomKey(random);
            var digest = RandomBytes(random, 32);
            var signature = Secp256k1.SignRecoverable(digest, key);
            Assert.True(Secp256k1.TryRecover(digest, signature.Compact, signature.RecoveryId, out var recovered));
            Assert.True(PublicKey.TryParse(recovered.Compressed, out var parsed));
            Assert.Equal(key.PublicKey, parsed);
            Assert.Equal(BouncyCastleReference.PublicKeyOf(FromBytes(key.Secret)), parsed.Compressed.ToArray());
        }
    }
}

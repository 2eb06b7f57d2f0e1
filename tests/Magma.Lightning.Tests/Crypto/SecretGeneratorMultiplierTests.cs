using System.Numerics;
using Magma.Lightning.Crypto;
using Magma.Lightning.Crypto.Fast;
using Magma.Testing.Secp256k1;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>
/// The constant-time k·G behind signing and key derivation, against BouncyCastle: edge scalars, random
/// scalars, blinding, the signatures it produces, and its allocations.
/// </summary>
public class SecretGeneratorMultiplierTests
{
    private static byte[] Compressed(AffinePoint point)
    {
        var bytes = new byte[PointCodec.CompressedLength];
        PointCodec.Compress(point, bytes);
        return bytes;
    }

    /// <summary>Scalars whose digits stress the window walk: tiny, huge, sparse, dense, single-window.</summary>
    public static IEnumerable<object[]> EdgeScalars()
    {
        var values = new List<BigInteger> { 1, 2, 3, 15, 16, 17, 256, N - 1, N - 2, N - 15, N - 16, (N - 1) / 2, (N + 1) / 2 };
        foreach (var i in new[] { 1, 2, 7, 8, 31, 32, 33, 62, 63 }) // 16^63 − 1: 63 nibbles of 0xF
        {
            values.Add(BigInteger.Pow(16, i));
            values.Add(15 * BigInteger.Pow(16, i));
            values.Add(BigInteger.Pow(16, i) - 1);                  // i nibbles of 0xF
            values.Add(BigInteger.Pow(16, i) + 1);                  // a run of i − 1 zero nibbles
        }
        values.Add(BigInteger.Pow(2, 255) - 1);
        values.Add(BigInteger.Pow(2, 255));
        values.Add(Mod(BigInteger.Parse("0F0000000000000000000000000000000000000000000000000000000000000F", System.Globalization.NumberStyles.HexNumber), N));
        return values.Distinct().Select(v => new object[] { v.ToString("x") });
    }

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void Edge_scalars_match_BouncyCastle_with_and_without_blinding(string scalarHex)
    {
        var k = BigInteger.Parse("0" + scalarHex, System.Globalization.NumberStyles.HexNumber);
        var expected = BouncyCastleReference.PublicKeyOf(k);
        Assert.Equal(expected, Compressed(SecretGeneratorMultiplier.Multiply(ToBytes32(k))));
        Assert.Equal(expected, Compressed(SecretGeneratorMultiplier.Multiply(ToBytes32(k), FieldElement.One)));
        Assert.Equal(expected, Compressed(SecretGeneratorMultiplier.Multiply(ToBytes32(k), Field(P - 1))));
    }

    [Fact]
    public void Random_scalars_match_BouncyCastle_including_sparse_and_dense_digit_patterns()
    {
        var random = new Random(81);
        for (var i = 0; i < 600; i++)
        {
            var bytes = ToBytes32(RandomBelow(random, N - 1) + 1);
            // A third keep their random digits; the others get many zero or 0xF digits.
            for (var b = 0; b < 32 && i % 3 != 0; b++)
            {
                var roll = random.Next(4);
                if (roll == 0) bytes[b] = 0;
                else if (roll == 1 && i % 3 == 2) bytes[b] = 0xFF;
            }
            var k = Mod(FromBytes(bytes), N);
            if (k.IsZero)
                continue;
            var scalar = ToBytes32(k);
            Assert.Equal(BouncyCastleReference.PublicKeyOf(k), Compressed(SecretGeneratorMultiplier.Multiply(scalar)));
        }
    }

    [Fact]
    public void A_scalar_that_is_zero_mod_n_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SecretGeneratorMultiplier.Multiply(new byte[32]));
        Assert.Throws<ArgumentException>(() => SecretGeneratorMultiplier.Multiply(ToBytes32(N)));
        Assert.Throws<ArgumentException>(() => SecretGeneratorMultiplier.Multiply(new byte[31]));
    }

    [Fact]
    public void Signatures_and_public_keys_are_byte_for_byte_BouncyCastles_and_verify_and_recover()
    {
        var random = new Random(82);
        for (var i = 0; i < 1500; i++)
        {
            var key = Secp256k1CrossCheckTests.RandomKey(random);
            var digest = Secp256k1CrossCheckTests.RandomBytes(random, 32);

            var signature = Secp256k1.SignRecoverable(digest, key);
            var (expectedCompact, expectedRecoveryId) = BouncyCastleReference.SignRecoverable(digest, key.Secret);

            Assert.Equal(expectedCompact, signature.Compact.ToArray());
            Assert.Equal(expectedRecoveryId, signature.RecoveryId);
            Assert.Equal(BouncyCastleReference.PublicKeyOf(FromBytes(key.Secret)), key.PublicKey.Compressed.ToArray());
            Assert.True(BouncyCastleReference.Verify(digest, signature.Compact, key.PublicKey.Compressed));
            Assert.True(BouncyCastleReference.TryRecover(digest, signature.Compact, signature.RecoveryId, out var recovered));
            Assert.Equal(key.PublicKey.Compressed.ToArray(), recovered);
        }
    }

    [Fact]
    public void Multiplication_allocates_nothing_once_warm()
    {
        var scalar = ToBytes32(N - 12345);
        SecretGeneratorMultiplier.Multiply(scalar); // builds the table, JITs the code

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
            SecretGeneratorMultiplier.Multiply(scalar);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using System.Numerics;
using Magma.Lightning.Crypto;
using Magma.Testing.Secp256k1;
using static Magma.Lightning.Tests.Crypto.Secp256k1CrossCheckTests;
using static Magma.Lightning.Tests.Crypto.TestMath;

namespace Magma.Lightning.Tests.Crypto;

public class Secp256k1EdgeCaseTests
{
    private static byte[] Compact(BigInteger r, BigInteger s) => [.. ToBytes32(r), .. ToBytes32(s)];

    private static readonly byte[] Digest = Convert.FromHexString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    public static IEnumerable<object[]> OutOfRangeSignatures()
    {
        BigInteger valid = 12345;
        foreach (var bad in new[] { BigInteger.Zero, N, N + 1, TwoTo256 - 1 })
        {
            yield return [bad.ToString(), valid.ToString()];
            yield return [valid.ToString(), bad.ToString()];
        }
    }

    [Theory]
    [MemberData(nameof(OutOfRangeSignatures))]
    public void R_or_s_of_zero_or_at_least_n_is_rejected(string r, string s)
    {
        var compact = Compact(BigInteger.Parse(r), BigInteger.Parse(s));
        var key = PrivateKey.ParseHex("0000000000000000000000000000000000000000000000000000000000000001").PublicKey;
        for (var id = 0; id < 4; id++)
            Assert.False(Secp256k1.TryRecover(Digest, compact, id, out _));
        Assert.False(Secp256k1.Verify(Digest, compact, key));
    }

    [Fact]
    public void Malformed_arguments_are_rejected_without_throwing()
    {
        var compact = Compact(5, 7);
        Assert.False(Secp256k1.TryRecover(Digest, compact, -1, out _));
        Assert.False(Secp256k1.TryRecover(Digest, compact, 4, out _));
        Assert.False(Secp256k1.TryRecover(Digest[..31], compact, 0, out _));
        Assert.False(Secp256k1.TryRecover(Digest, compact[..63], 0, out _));
        var key = PrivateKey.ParseHex("0000000000000000000000000000000000000000000000000000000000000002").PublicKey;
        Assert.False(Secp256k1.Verify(Digest[..31], compact, key));
        Assert.False(Secp256k1.Verify(Digest, [.. compact, 0], key));
    }

    [Fact]
    public void Ids_2_and_3_are_rejected_when_r_plus_n_is_not_below_p()
    {
        // p − n ≈ 2^128, so any r ≥ p − n (nearly all of them) cannot stand for an x in [n, p).
        foreach (var r in new[] { P - N, N - 1, BigInteger.Pow(2, 255) })
        {
            Assert.False(Secp256k1.TryRecover(Digest, Compact(r, 99), 2, out _));
            Assert.False(Secp256k1.TryRecover(Digest, Compact(r, 99), 3, out _));
        }
    }

    [Fact]
    public void Ids_2_and_3_recover_from_an_R_whose_x_is_in_n_to_p()
    {
        // Find R with x ≥ n on the curve; any (r = x − n, s, e) then recovers some Q under which the
        // signature verifies, through the x = r + n branches of both recovery and verification.
        var x = N + 1; // x = n would give r = 0
        while (!IsQuadraticResidue(x * x * x + 7))
            x++;
        Assert.True(x < P);
        var random = new Random(2001);
        var r = x - N;
        for (var i = 0; i < 10; i++)
        {
            var s = RandomBelow(random, N - 1) + 1;
            var digest = RandomBytes(random, 32);
            var compact = Compact(r, s);
            foreach (var id in new[] { 2, 3 })
            {
                Assert.True(Secp256k1.TryRecover(digest, compact, id, out var key));
                Assert.True(BouncyCastleReference.TryRecover(digest, compact, id, out var reference));
                Assert.Equal(reference, key.Compressed.ToArray());
                Assert.True(Secp256k1.Verify(digest, compact, key));
                Assert.True(BouncyCastleReference.Verify(digest, compact, key.Compressed));
                // The same (r, s) read with x = r names a different R, hence a different key (if any).
                Assert.True(!Secp256k1.TryRecover(digest, compact, id - 2, out var lowKey) || !lowKey.Equals(key));
            }
        }
    }

    [Fact]
    public void Recovery_that_would_yield_the_point_at_infinity_fails()
    {
        // Q = r⁻¹(s·R − e·G) is infinity exactly when e = k·s for R = k·G.
        var random = new Random(2002);
        for (var i = 0; i < 10; i++)
        {
            var k = RandomBelow(random, N - 1) + 1;
            var bigR = ReferenceCurve.Multiply(k, ReferenceCurve.G)!.Value;
            if (bigR.X >= N)
                continue;
            var s = RandomBelow(random, N - 1) + 1;
            var digest = ToBytes32(Mod(k * s, N));
            var compact = Compact(bigR.X, s);
            var id = bigR.Y.IsEven ? 0 : 1;
            Assert.False(Secp256k1.TryRecover(digest, compact, id, out _));
            Assert.False(BouncyCastleReference.TryRecover(digest, compact, id, out _));
            // With the other parity R is negated and Q = −2·e·r⁻¹·G, which is finite.
            Assert.True(Secp256k1.TryRecover(digest, compact, id ^ 1, out _));
        }
    }

    [Fact]
    public void Verification_whose_sum_is_the_point_at_infinity_fails()
    {
        // e·s⁻¹·G + r·s⁻¹·Q = O for Q = d·G exactly when e ≡ −r·d.
        var random = new Random(2003);
        for (var i = 0; i < 10; i++)
        {
            var key = RandomKey(random);
            var d = FromBytes(key.Secret);
            var r = RandomBelow(random, N - 1) + 1;
            var s = RandomBelow(random, N - 1) + 1;
            var digest = ToBytes32(Mod(-r * d, N));
            Assert.False(Secp256k1.Verify(digest, Compact(r, s), key.PublicKey));
            Assert.False(BouncyCastleReference.Verify(digest, Compact(r, s), key.PublicKey.Compressed));
        }
    }

    [Fact]
    public void High_S_signatures_verify_and_recover_the_same_key_with_the_parity_flipped()
    {
        // Behaviour by design: the math accepts (r, n − s); only signing normalises to low-S.
        var random = new Random(2004);
        for (var i = 0; i < 50; i++)
        {
            var key = RandomKey(random);
            var digest = RandomBytes(random, 32);
            var signature = Secp256k1.SignRecoverable(digest, key);
            var s = FromBytes(signature.Compact.AsSpan(32));
            Assert.True(s <= N / 2);
            var highS = Compact(FromBytes(signature.Compact.AsSpan(0, 32)), N - s);
            Assert.True(Secp256k1.Verify(digest, highS, key.PublicKey));
            Assert.True(Secp256k1.TryRecover(digest, highS, signature.RecoveryId ^ 1, out var recovered));
            Assert.Equal(key.PublicKey, recovered);
        }
    }

    [Fact]
    public void Digests_at_or_above_n_are_reduced_like_the_signer_does()
    {
        var random = new Random(2005);
        foreach (var digest in new[] { Enumerable.Repeat((byte)0xFF, 32).ToArray(), ToBytes32(N), ToBytes32(N + 5), new byte[32] })
        {
            var key = RandomKey(random);
            var signature = Secp256k1.SignRecoverable(digest, key);
            Assert.True(Secp256k1.TryRecover(digest, signature.Compact, signature.RecoveryId, out var recovered));
            Assert.Equal(key.PublicKey, recovered);
            Assert.True(Secp256k1.Verify(digest, signature.Compact, key.PublicKey));
        }
    }

    public static IEnumerable<object[]> InvalidCompressedPoints()
    {
        var g = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        yield return ["04" + g];                       // uncompressed prefix
        yield return ["00" + g];
        yield return ["05" + g];
        yield return ["02" + g[..62]];                 // 32 bytes
        yield return ["02" + g + "00"];                // 34 bytes
        yield return [""];
        yield return ["02" + Hex(P)];                  // x = p
        yield return ["03" + Hex(P + 1)];              // x > p
        yield return ["02" + Hex(TwoTo256 - 1)];
        var x = BigInteger.One;
        while (IsQuadraticResidue(x * x * x + 7))
            x++;
        yield return ["02" + Hex(x)];                  // x³ + 7 is not a square: no such point
        yield return ["03" + Hex(x)];
    }

    private static string Hex(BigInteger v) => Convert.ToHexStringLower(ToBytes32(v));

    [Theory]
    [MemberData(nameof(InvalidCompressedPoints))]
    public void Invalid_compressed_points_are_rejected(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.False(Secp256k1.IsValidCompressedPoint(bytes));
        Assert.False(PublicKey.TryParse(bytes, out _));
    }

    [Fact]
    public void Valid_compressed_points_parse_with_either_parity()
    {
        Assert.True(PublicKey.TryParseHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", out var g));
        Assert.True(PublicKey.TryParseHex("0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", out var minusG));
        Assert.NotEqual(g, minusG);
        // x = 0 is not on the curve (7 is not a square mod p); x = 1 is (8 is).
        Assert.Equal(IsQuadraticResidue(7), Secp256k1.IsValidCompressedPoint(Convert.FromHexString("02" + Hex(0))));
        Assert.Equal(IsQuadraticResidue(8), Secp256k1.IsValidCompressedPoint(Convert.FromHexString("02" + Hex(1))));
    }
}

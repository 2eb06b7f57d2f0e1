using System.Security.Cryptography;
using System.Text;
using Magma.Lightning.Crypto;

namespace Magma.Lightning.Tests.Crypto;

/// <summary>
/// Published RFC6979 (HMAC-SHA256) secp256k1 vectors: private key, message (signed as SHA-256(message)),
/// and the low-S compact signature r‖s. They circulate in the Bitcoin ecosystem's test suites, e.g. as
/// collected at https://bitcoin.stackexchange.com/questions/50980/test-r-s-values-for-signature-generation.
/// </summary>
public class Rfc6979VectorTests
{
    public static IEnumerable<object[]> Vectors() =>
    [
        [
            "0000000000000000000000000000000000000000000000000000000000000001",
            "Satoshi Nakamoto",
            "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d82442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
        ],
        [
            "0000000000000000000000000000000000000000000000000000000000000001",
            "All those moments will be lost in time, like tears in rain. Time to die...",
            "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21",
        ],
        [
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
            "Satoshi Nakamoto",
            "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d06b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5",
        ],
        [
            "f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181",
            "Alan Turing",
            "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea",
        ],
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void SignRecoverable_reproduces_the_vector_and_the_key_is_recovered(string privateKeyHex, string message, string expectedCompactHex)
    {
        var key = PrivateKey.ParseHex(privateKeyHex);
        var digest = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message));

        var signature = Secp256k1.SignRecoverable(digest, key);

        Assert.Equal(expectedCompactHex, Convert.ToHexStringLower(signature.Compact));
        Assert.True(Secp256k1.TryRecover(digest, signature.Compact, signature.RecoveryId, out var recovered));
        Assert.Equal(key.PublicKey, recovered);
        Assert.True(Secp256k1.Verify(digest, signature.Compact, key.PublicKey));
        // The other y parity gives a different key; ids 2 and 3 need r + n < p, which these r are not.
        Assert.True(!Secp256k1.TryRecover(digest, signature.Compact, signature.RecoveryId ^ 1, out var other) || !other.Equals(key.PublicKey));
        Assert.False(Secp256k1.TryRecover(digest, signature.Compact, signature.RecoveryId | 2, out _));
    }

    [Fact]
    public void Private_key_one_has_the_generator_as_its_public_key()
    {
        var key = PrivateKey.ParseHex("0000000000000000000000000000000000000000000000000000000000000001");
        Assert.Equal("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", key.PublicKey.ToHex());
    }
}

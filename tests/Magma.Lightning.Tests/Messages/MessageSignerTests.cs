using Magma.Lightning.Crypto;
using Magma.Lightning.Encoding;
using Magma.Lightning.Messages;

namespace Magma.Lightning.Tests.Messages;

public class MessageSignerTests
{
    private static readonly PrivateKey One = PrivateKey.ParseHex("0000000000000000000000000000000000000000000000000000000000000001");

    // LDK's message_signing test: the secret key 1 signing "test message" (RFC6979, so deterministic).
    private const string TestMessageSignature = "d9tibmnic9t5y41hg7hkakdcra94akas9ku3rmmj4ag9mritc8ok4p5qzefs78c9pqfhpuftqqzhydbdwfg7u6w6wdxcqpqn4sj4e73e";

    [Fact]
    public void ProducesTheSameSignatureAsLdkAndLnd()
    {
        Assert.Equal(TestMessageSignature, MessageSigner.Sign("test message", One));
    }

    [Fact]
    public void RecoversTheSignerOfAKnownSignature()
    {
        Assert.True(MessageSigner.TryRecover("test message", TestMessageSignature, out var key));
        Assert.Equal("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", key.ToHex());
    }

    [Theory]
    [InlineData("is this compatible?", "rbgfioj114mh48d8egqx8o9qxqw4fmhe8jbeeabdioxnjk8z3t1ma1hu1fiswpakgucwwzwo6ofycffbsqusqdimugbh41n1g698hr9t", "02b80cabdf82638aac86948e4c06e82064f547768dcef977677b9ea931ea75bab5")]
    [InlineData("hi", "rnrphcjswusbacjnmmmrynh9pqip7sy5cx695h6mfu64iac6qmcmsd8xnsyczwmpqp9shqkth3h4jmkgyqu5z47jfn1q7gpxtaqpx4xg", "02de60d194e1ca5947b59fe8e2efd6aadeabfb67f2e89e13ae1a799c1e08e4a43b")]
    [InlineData("hi", "ry8bbsopmduhxy3dr5d9ekfeabdpimfx95kagdem7914wtca79jwamtbw4rxh69hg7n6x9ty8cqk33knbxaqftgxsfsaeprxkn1k48p3", "022b8ece90ee891cbcdac0c1cc6af46b73c47212d8defbce80265ac81a6b794931")]
    public void VerifiesSignaturesMadeByLndNodes(string message, string signature, string pubkey)
    {
        Assert.True(MessageSigner.Verify(message, signature, PublicKey.ParseHex(pubkey)));
    }

    [Fact]
    public void RoundTripsWithAFreshKeyAndAUnicodeMessage()
    {
        var key = PrivateKey.Generate();
        const string message = "Magma liquidity lease #42 — ナンセンス";

        var signature = MessageSigner.Sign(message, key);

        Assert.Equal(104, signature.Length);
        Assert.True(MessageSigner.TryRecover(message, signature, out var recovered));
        Assert.Equal(key.PublicKey, recovered);
        Assert.True(MessageSigner.Verify(message, signature, key.PublicKey));
    }

    [Fact]
    public void WritesTheCompressedHeaderThirtyOnePlusTheRecoveryId()
    {
        Assert.True(ZBase32.TryDecode(MessageSigner.Sign("header", One), out var bytes));

        Assert.InRange(bytes[0], 31, 34);
    }

    [Fact]
    public void FailsForATamperedMessage()
    {
        Assert.False(MessageSigner.Verify("test messagE", TestMessageSignature, One.PublicKey));
        Assert.True(MessageSigner.TryRecover("test messagE", TestMessageSignature, out var other));
        Assert.NotEqual(One.PublicKey, other);
    }

    [Fact]
    public void FailsForATamperedSignature()
    {
        var tampered = TestMessageSignature[..50] + (TestMessageSignature[50] == 'y' ? 'b' : 'y') + TestMessageSignature[51..];

        Assert.False(MessageSigner.Verify("test message", tampered, One.PublicKey));
    }

    [Fact]
    public void FailsForAnotherKey()
    {
        Assert.False(MessageSigner.Verify("test message", TestMessageSignature, PrivateKey.Generate().PublicKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AcceptsTheUncompressedAndCompressedHeadersOfTheSameRecoveryId(int compressedFlag)
    {
        Assert.True(ZBase32.TryDecode(TestMessageSignature, out var bytes));
        var recoveryId = bytes[0] - 31;
        bytes[0] = (byte)(27 + compressedFlag + recoveryId);

        Assert.True(MessageSigner.Verify("test message", ZBase32.Encode(bytes), One.PublicKey));
    }

    [Theory]
    [InlineData(26)]
    [InlineData(35)]
    [InlineData(0)]
    [InlineData(255)]
    public void RejectsHeaderBytesOutsideTwentySevenToThirtyFour(int header)
    {
        Assert.True(ZBase32.TryDecode(TestMessageSignature, out var bytes));
        bytes[0] = (byte)header;

        Assert.False(MessageSigner.TryRecover("test message", ZBase32.Encode(bytes), out _));
    }

    [Fact]
    public void AnotherRecoveryIdRecoversAnotherKey()
    {
        Assert.True(ZBase32.TryDecode(TestMessageSignature, out var bytes));
        bytes[0] = (byte)(31 + ((bytes[0] - 31) ^ 1));

        Assert.False(MessageSigner.Verify("test message", ZBase32.Encode(bytes), One.PublicKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("d9tibmnic9t5y41hg7hkakdcra94akas9ku3rmmj4ag9mritc8ok4p5qzefs78c9pqfhpuftqqzhydbdwfg7u6w6wdxcqpqn4sj4e73")]
    [InlineData("d9tibmnic9t5y41hg7hkakdcra94akas9ku3rmmj4ag9mritc8ok4p5qzefs78c9pqfhpuftqqzhydbdwfg7u6w6wdxcqpqn4sj4e73ey")]
    [InlineData("not zbase32!")]
    public void RejectsSignaturesOfTheWrongShape(string signature)
    {
        Assert.False(MessageSigner.TryRecover("test message", signature, out _));
    }
}

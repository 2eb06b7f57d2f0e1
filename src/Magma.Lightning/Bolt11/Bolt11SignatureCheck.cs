using Magma.Lightning.Crypto;

namespace Magma.Lightning.Bolt11;

internal static class Bolt11SignatureCheck
{
    // (n - 1) / 2 for secp256k1: a canonical ECDSA signature's s never exceeds it.
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ];

    public static Bolt11Error? Check(
        ReadOnlySpan<byte> digest, ReadOnlySpan<byte> compact, int recoveryId, PublicKey? explicitPayee, out PublicKey payee)
    {
        if (explicitPayee is null)
        {
            return Secp256k1.TryRecover(digest, compact, recoveryId, out payee)
                ? null
                : new Bolt11Error(Bolt11ErrorCode.InvalidSignature, "The signature is not recoverable to a public key.");
        }

        payee = explicitPayee;
        // Verifying against n follows libsecp256k1, which only accepts low-S signatures; the spec
        // lists a high-S invoice with an n field among the invalid examples.
        if (compact[32..].SequenceCompareTo(HalfOrder) > 0)
            return new Bolt11Error(Bolt11ErrorCode.InvalidSignature, "The signature is not canonical (high S) and cannot be checked against the n field.");
        return Secp256k1.Verify(digest, compact, explicitPayee)
            ? null
            : new Bolt11Error(Bolt11ErrorCode.PayeeMismatch, $"The signature was not made by the payee named in the n field ({explicitPayee}).");
    }
}

namespace Magma.Lightning.Crypto;

/// <summary>
/// A compact ECDSA signature: 32-byte r, 32-byte s (low-S), and the recovery id that
/// lets a verifier rebuild the signer's public key, as BOLT11 and LND's signmessage use it.
/// </summary>
public readonly record struct RecoverableSignature(byte[] Compact, int RecoveryId)
{
    public const int CompactLength = 64;
}

using System.Security.Cryptography;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;

namespace Magma.Payments.Tests.Transactions;

/// <summary>Signed invoices from strangers, for networks Simnet does not run.</summary>
public static class InvoiceFactory
{
    public static string Foreign(BitcoinNetwork network, long? amountMsat, DateTimeOffset timestamp, long expirySeconds = 3600) =>
        Bolt11Encoder.Encode(new Bolt11InvoiceDraft
        {
            Network = network,
            AmountMsat = amountMsat,
            Timestamp = timestamp,
            PaymentHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            PaymentSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Description = "elsewhere",
            ExpirySeconds = expirySeconds,
        }, PrivateKey.Generate());
}

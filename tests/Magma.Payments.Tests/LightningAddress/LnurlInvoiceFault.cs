namespace Magma.Payments.Tests.LightningAddress;

/// <summary>What the test server gets wrong in the invoice its callback returns, for the LUD-06 checks to catch.</summary>
public enum LnurlInvoiceFault
{
    None,
    WrongAmount,
    NoDescriptionHash,
    WrongDescriptionHash,
}

using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;

namespace Magma.Lightning.Tests.Bolt11;

// Who the payee is: an explicit n field must match the signature, otherwise the key is recovered.
public class Bolt11SignatureRulesTests
{
    private static readonly string SpecPayee = Bolt11SpecVectors.PayeeHex;

    [Fact]
    public void RecoversThePayeeWhenThereIsNoNField()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Sign());

        Assert.False(invoice.PayeeWasExplicit);
        Assert.Equal(SpecPayee, invoice.Payee.ToHex());
    }

    [Fact]
    public void VerifiesTheSignatureAgainstAnExplicitPayee()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Bytes('n', RawInvoiceBuilder.Key.PublicKey.Compressed.ToArray()).Sign());

        Assert.True(invoice.PayeeWasExplicit);
        Assert.Equal(SpecPayee, invoice.Payee.ToHex());
    }

    [Fact]
    public void RejectsASignatureThatDoesNotMatchTheExplicitPayee()
    {
        var other = PrivateKey.Generate().PublicKey;

        var result = Bolt11Decoder.Decode(RawInvoiceBuilder.Minimal().Bytes('n', other.Compressed.ToArray()).Sign());

        Assert.Equal(Bolt11ErrorCode.PayeeMismatch, result.Error?.Code);
        Assert.Contains(other.ToHex(), result.Error!.Message);
    }

    [Theory]
    [InlineData(52)]
    [InlineData(54)]
    public void SkipsAnNFieldOfTheWrongLengthAndRecoversThePayee(int wrongLength)
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Words('n', new byte[wrongLength]).Sign());

        Assert.False(invoice.PayeeWasExplicit);
        Assert.Equal(SpecPayee, invoice.Payee.ToHex());
    }

    [Fact]
    public void SkipsAnNFieldThatIsNotACurvePoint()
    {
        var notAPoint = new byte[33];
        notAPoint[0] = 0x02;
        notAPoint[32] = 0x07;

        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Bytes('n', notAPoint).Sign());

        Assert.False(invoice.PayeeWasExplicit);
    }

    [Fact]
    public void RejectsAHighSSignatureWhenTheInvoiceNamesItsPayee()
    {
        var paymentRequest = RawInvoiceBuilder.Minimal().Bytes('n', RawInvoiceBuilder.Key.PublicKey.Compressed.ToArray())
            .Sign(adjust: RawInvoiceBuilder.NegateS);

        AssertFails(paymentRequest, Bolt11ErrorCode.InvalidSignature);
    }

    [Fact]
    public void RecoversThePayeeFromAHighSSignatureWithTheMatchingRecoveryId()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Sign(adjust: RawInvoiceBuilder.NegateS));

        Assert.Equal(SpecPayee, invoice.Payee.ToHex());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(255)]
    public void RejectsARecoveryIdAboveThree(int recoveryId)
    {
        AssertFails(RawInvoiceBuilder.Minimal().Sign(adjust: (compact, _) => (compact, recoveryId)), Bolt11ErrorCode.InvalidSignature);
    }

    [Fact]
    public void RejectsASignatureWithAZeroR()
    {
        var paymentRequest = RawInvoiceBuilder.Minimal().Sign(adjust: (compact, id) =>
        {
            Array.Clear(compact, 0, 32);
            return (compact, id);
        });

        AssertFails(paymentRequest, Bolt11ErrorCode.InvalidSignature);
    }

    [Fact]
    public void ASignatureMovedOntoOtherFieldsRecoversAnotherKey()
    {
        (byte[] Compact, int RecoveryId) original = default;
        RawInvoiceBuilder.Minimal().Sign(adjust: (compact, id) => original = (compact, id));

        var forged = RawInvoiceBuilder.Minimal().Text('d', "forged").Sign(adjust: (_, _) => original);
        var result = Bolt11Decoder.Decode(forged);

        Assert.True(!result.Success || result.Invoice.Payee.ToHex() != SpecPayee);
    }

    [Fact]
    public void ASignatureMovedOntoOtherFieldsFailsAgainstAnExplicitPayee()
    {
        var payee = RawInvoiceBuilder.Key.PublicKey.Compressed.ToArray();
        (byte[] Compact, int RecoveryId) original = default;
        RawInvoiceBuilder.Minimal().Bytes('n', payee).Sign(adjust: (compact, id) => original = (compact, id));

        var forged = RawInvoiceBuilder.Minimal().Bytes('n', payee).Number('x', 1).Sign(adjust: (_, _) => original);

        AssertFails(forged, Bolt11ErrorCode.PayeeMismatch);
    }

    private static Bolt11Invoice DecodeOk(string paymentRequest)
    {
        var result = Bolt11Decoder.Decode(paymentRequest);
        Assert.True(result.Success, result.Error?.Message);
        return result.Invoice;
    }

    private static void AssertFails(string paymentRequest, Bolt11ErrorCode expected)
    {
        var result = Bolt11Decoder.Decode(paymentRequest);
        Assert.False(result.Success);
        Assert.Equal(expected, result.Error.Code);
    }
}

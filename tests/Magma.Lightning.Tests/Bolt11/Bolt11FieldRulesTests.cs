using Magma.Lightning.Bolt11;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11FieldRulesTests
{
    private static readonly string SpecPayee = Bolt11SpecVectors.PayeeHex;

    [Fact]
    public void AppliesTheDefaultExpiryAndFinalCltvWhenTheFieldsAreAbsent()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Sign());

        Assert.Equal(3600, invoice.ExpirySeconds);
        Assert.Equal(18, invoice.MinFinalCltvExpiry);
        Assert.Equal(SpecPayee, invoice.Payee.ToHex());
    }

    [Fact]
    public void SkipsUnknownFields()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Words('q', 1, 2, 3).Words('z').Words('l', new byte[1023]).Sign());

        Assert.Equal("minimal", invoice.Description);
    }

    [Theory]
    [InlineData(51)]
    [InlineData(53)]
    [InlineData(0)]
    public void SkipsAPaymentHashOfTheWrongLengthAndUsesTheNextValidOne(int wrongLength)
    {
        var paymentRequest = new RawInvoiceBuilder().Words('p', new byte[wrongLength]).PaymentHash().PaymentSecret().Text('d', "x").Sign();

        Assert.Equal(Bolt11SpecVectors.PaymentHash, DecodeOk(paymentRequest).PaymentHash);
    }

    [Fact]
    public void RejectsAnInvoiceWhosePaymentHashHasTheWrongLength()
    {
        var paymentRequest = new RawInvoiceBuilder().Words('p', new byte[53]).PaymentSecret().Text('d', "x").Sign();

        AssertFails(paymentRequest, Bolt11ErrorCode.MissingPaymentHash);
    }

    [Fact]
    public void RejectsAnInvoiceWhosePaymentSecretHasTheWrongLength()
    {
        var paymentRequest = new RawInvoiceBuilder().PaymentHash().Words('s', new byte[51]).Text('d', "x").Sign();

        AssertFails(paymentRequest, Bolt11ErrorCode.MissingPaymentSecret);
    }

    [Fact]
    public void RejectsAnInvoiceWithNeitherDescriptionNorDescriptionHash()
    {
        AssertFails(new RawInvoiceBuilder().PaymentHash().PaymentSecret().Sign(), Bolt11ErrorCode.MissingDescription);
    }

    [Fact]
    public void SkipsADescriptionHashOfTheWrongLength()
    {
        var paymentRequest = new RawInvoiceBuilder().PaymentHash().PaymentSecret().Words('h', new byte[53]).Sign();

        AssertFails(paymentRequest, Bolt11ErrorCode.MissingDescription);
    }

    [Fact]
    public void AcceptsAnEmptyDescription()
    {
        var invoice = DecodeOk(new RawInvoiceBuilder().PaymentHash().PaymentSecret().Words('d').Sign());

        Assert.Equal("", invoice.Description);
    }

    [Fact]
    public void RejectsADescriptionThatIsNotUtf8()
    {
        var paymentRequest = new RawInvoiceBuilder().PaymentHash().PaymentSecret().Bytes('d', [0x31, 0xff, 0xfe]).Sign();

        AssertFails(paymentRequest, Bolt11ErrorCode.InvalidField);
    }

    [Fact]
    public void KeepsTheFirstOfRepeatedFields()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Text('d', "second").Number('x', 10).Number('x', 20).Number('c', 40).Number('c', 9).Sign());

        Assert.Equal("minimal", invoice.Description);
        Assert.Equal(10, invoice.ExpirySeconds);
        Assert.Equal(40, invoice.MinFinalCltvExpiry);
    }

    [Fact]
    public void ReadsNumbersOfAnyWordCountIncludingLeadingZeros()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Words('x', 0, 0, 0, 1, 28).Words('c', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1).Sign());

        Assert.Equal(60, invoice.ExpirySeconds);
        Assert.Equal(1, invoice.MinFinalCltvExpiry);
    }

    [Fact]
    public void ReadsAnEmptyNumberAsZero()
    {
        Assert.Equal(0, DecodeOk(RawInvoiceBuilder.Minimal().Words('x').Sign()).ExpirySeconds);
    }

    [Fact]
    public void ReadsAnExpiryBeyondThirtyTwoBits()
    {
        var invoice = DecodeOk(RawInvoiceBuilder.Minimal().Number('x', 1UL << 40).Sign());

        Assert.Equal(1L << 40, invoice.ExpirySeconds);
        Assert.Equal(DateTimeOffset.MaxValue, DecodeOk(RawInvoiceBuilder.Minimal().Number('x', long.MaxValue).Sign()).ExpiresAt);
    }

    [Fact]
    public void RejectsAnExpiryThatOverflowsSixtyThreeBits()
    {
        AssertFails(RawInvoiceBuilder.Minimal().Words('x', Enumerable.Repeat((byte)31, 13).ToArray()).Sign(), Bolt11ErrorCode.InvalidField);
    }

    [Fact]
    public void RejectsAFinalCltvAboveThirtyOneBits()
    {
        AssertFails(RawInvoiceBuilder.Minimal().Number('c', (ulong)int.MaxValue + 1).Sign(), Bolt11ErrorCode.InvalidField);
    }

    [Fact]
    public void RejectsAFieldThatRunsIntoTheSignature()
    {
        // A description header claiming 1000 words with nothing after it.
        AssertFails(RawInvoiceBuilder.Minimal().Raw(13, 31, 8).Sign(), Bolt11ErrorCode.InvalidField);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RejectsAFieldHeaderCutOffByTheSignature(int headerWords)
    {
        AssertFails(RawInvoiceBuilder.Minimal().Raw(new byte[headerWords]).Sign(), Bolt11ErrorCode.InvalidField);
    }

    [Fact]
    public void ReadsThePaymentMetadata()
    {
        Assert.Equal("00ff10", DecodeOk(RawInvoiceBuilder.Minimal().Bytes('m', [0x00, 0xff, 0x10]).Sign()).Metadata);
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

using Magma.Lightning.Bolt11;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11SpecInvalidVectorTests
{
    public static TheoryData<string, string, Bolt11ErrorCode> InvalidExamples()
    {
        var data = new TheoryData<string, string, Bolt11ErrorCode>();
        foreach (var (name, invoice, expected) in Bolt11SpecVectors.Invalid)
            data.Add(name, invoice, expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void RejectsEachInvalidSpecExampleWithItsReason(string name, string paymentRequest, Bolt11ErrorCode expected)
    {
        var result = Bolt11Decoder.Decode(paymentRequest);

        Assert.False(result.Success, name);
        Assert.Equal(expected, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void NamesTheUnknownRequiredFeatureBit()
    {
        var (_, invoice, _) = Bolt11SpecVectors.Invalid[0];

        var error = Bolt11Decoder.Decode(invoice).Error!;

        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void CoversEveryInvalidExampleOfTheSpecification()
    {
        Assert.Equal(10, Bolt11SpecVectors.Invalid.Count);
        Assert.Equal(16, Bolt11SpecVectors.AllValid.Count);
    }
}

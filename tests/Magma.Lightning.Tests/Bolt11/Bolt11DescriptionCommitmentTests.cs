using Magma.Lightning.Bolt11;

namespace Magma.Lightning.Tests.Bolt11;

public class Bolt11DescriptionCommitmentTests
{
    private const string Desserts = "One piece of chocolate cake, one icecream cone, one pickle, one slice of swiss cheese, one slice of salami, one lollypop, one piece of cherry pie, one sausage, one cupcake, and one slice of watermelon";

    [Fact]
    public void MatchesTheSpecsHashedListOfDesserts()
    {
        var invoice = Bolt11Decoder.Decode(Bolt11SpecVectors.HashedList).Invoice!;

        Assert.True(invoice.CommitsTo(Desserts));
        Assert.False(invoice.CommitsTo(Desserts + "."));
    }

    [Fact]
    public void ComparesAnInlineDescriptionDirectly()
    {
        var invoice = Bolt11Decoder.Decode(Bolt11SpecVectors.Coffee).Invoice!;

        Assert.True(invoice.CommitsTo("1 cup coffee"));
        Assert.False(invoice.CommitsTo("2 cups coffee"));
    }
}

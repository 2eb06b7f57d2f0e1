using System.Net;
using Magma.Api.Lsps1;

namespace Magma.Api.Tests.Lsps1;

public sealed class Lsps1OrderLimiterKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void AnIpv6ClientSharesOneBudgetAcrossItsSlash64(string address, string key) =>
        Assert.Equal(key, Lsps1OrderLimiter.ClientKey(IPAddress.Parse(address)));

    [Fact]
    public void ARequestWithoutAnAddressFallsIntoOneSharedBudget() =>
        Assert.Equal("unknown", Lsps1OrderLimiter.ClientKey(null));
}

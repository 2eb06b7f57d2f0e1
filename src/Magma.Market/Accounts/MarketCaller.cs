using Magma.Market.Data;

namespace Magma.Market.Accounts;

/// <summary>Who is asking the marketplace: the admin token, or an account through a session or API key.</summary>
public abstract record MarketCaller
{
    public sealed record Admin : MarketCaller;

    public sealed record Account(string Id, AccountKeyKind KeyKind) : MarketCaller;

    public static MarketCaller AdminCaller { get; } = new Admin();

    /// <summary>The calling account, or null for the admin.</summary>
    public string? AccountId => (this as Account)?.Id;
}

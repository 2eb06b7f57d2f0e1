namespace Magma.Api.GraphQL.Market;

/// <summary>
/// A node as orders and offers show it. The alias is looked up in the node graph only when a query asks for it
/// (see <see cref="MarketResolvers"/>), so lists that show pubkeys alone cost nothing extra.
/// </summary>
public sealed record SimpleNodeView(string Pubkey);

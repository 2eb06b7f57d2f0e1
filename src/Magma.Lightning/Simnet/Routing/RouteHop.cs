namespace Magma.Lightning.Simnet.Routing;

/// <summary>One channel a payment crosses: <paramref name="AmountMsat"/> moves from <paramref name="From"/>'s side.</summary>
public sealed record RouteHop(string ChannelPoint, string From, long AmountMsat);

/// <summary>A found route: the hops (empty for the ambient hub) and the total routing fee.</summary>
public sealed record Route(IReadOnlyList<RouteHop> Hops, long FeeMsat);

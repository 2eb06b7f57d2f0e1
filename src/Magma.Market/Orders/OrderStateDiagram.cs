namespace Magma.Market.Orders;

/// <summary>The Markdown block of <c>docs/order-states.md</c>, generated from <see cref="OrderStateMachine"/>.</summary>
public static class OrderStateDiagram
{
    public static string Render() => "```mermaid\n" + OrderStateMachine.ToMermaid() + "```\n";
}

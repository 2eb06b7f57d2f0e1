namespace Magma.Market.Tests.Orders;

/// <summary>Replaces the mermaid block of the order-states document, leaving the prose around it.</summary>
public static class OrderStateDiagramDocument
{
    private const string Start = "```mermaid\n";

    public static string Rewrite(string document, string diagram)
    {
        document = document.Replace("\r\n", "\n");
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        if (start < 0)
            return document + (document.Length == 0 || document.EndsWith('\n') ? "" : "\n") + diagram;
        var end = document.IndexOf("```\n", start + Start.Length, StringComparison.Ordinal);
        return document[..start] + diagram + document[(end + 4)..];
    }
}

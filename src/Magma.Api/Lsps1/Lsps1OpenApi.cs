namespace Magma.Api.Lsps1;

/// <summary>Serves <c>lsp-spec/openapi.json</c>, embedded at build time, so the served document is the file in the repository.</summary>
public static class Lsps1OpenApi
{
    public const string ResourceName = "Magma.Api.Lsps1.openapi.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(Lsps1OpenApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    // Through LSPS1's own result, which also answers HEAD.
    public static IResult Serve() => Lsps1Http.Ok(Document.Value);
}

using System.Text.Json;
using Magma.Market.Lsps1;

namespace Magma.Api.Lsps1;

/// <summary>The three LSPS1 methods, shared by the REST routes and the JSON-RPC endpoint. Each answers a result or throws an <see cref="Lsps1Exception"/>.</summary>
public static class Lsps1Handlers
{
    public static byte[] GetInfo(Lsps1Service lsps1, Lsps1InfoCache cache) => cache.Json(lsps1.Info);

    public static async Task<byte[]> CreateOrder(Lsps1Service lsps1, Lsps1Route route, JsonElement body)
    {
        var request = Lsps1RequestReader.Read(body, lsps1.Network);
        // Not the client's abort signal: a create that got as far as the invoice finishes, so no order is left half made.
        return Lsps1Json.Order(await lsps1.Create(route, request, CancellationToken.None));
    }

    public static async Task<byte[]> GetOrder(Lsps1Service lsps1, string? orderId) =>
        Lsps1Json.Order(await lsps1.Get(Lsps1RequestReader.OrderId(orderId)));

    /// <summary>Turns anything unexpected into -32603, logged, so clients always get an LSPS1 error body.</summary>
    public static async Task<IResult> Answer(Func<Task<byte[]>> handler, ILogger logger)
    {
        try
        {
            return Lsps1Http.Ok(await handler());
        }
        catch (Lsps1Exception ex)
        {
            return Lsps1Http.Error(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An LSPS1 request failed");
            return Lsps1Http.Error(new Lsps1Exception(Lsps1Codes.InternalError, "The LSP could not complete the request."));
        }
    }
}

/// <summary>get_info's body changes only with configuration, so it is serialised once.</summary>
public sealed class Lsps1InfoCache
{
    private byte[]? _json;

    public byte[] Json(Lsps1Info info) => _json ??= Lsps1Json.Info(info);
}

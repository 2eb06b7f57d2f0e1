using System.Text.Json;
using Magma.Market.Lsps1;

namespace Magma.Api.Lsps1;

/// <summary>
/// <c>POST /api/v1/jsonrpc</c>: LSPS1's own JSON-RPC 2.0 methods (<c>lsps1.get_info</c>, <c>lsps1.create_order</c>,
/// <c>lsps1.get_order</c>) over HTTP, on the same handlers as the REST routes and served by the house seller. Errors
/// travel in the envelope with HTTP 200, as JSON-RPC over HTTP usually does; batches are not supported.
/// </summary>
public static class Lsps1JsonRpc
{
    public static async Task<IResult> Handle(HttpContext context, Lsps1Service lsps1, Lsps1InfoCache cache, Lsps1OrderLimiter limiter, ILogger<Lsps1Module> logger)
    {
        JsonElement? id = null;
        try
        {
            var envelope = Lsps1RequestReader.ParseObject(await Lsps1Http.ReadBody(context.Request));
            id = Id(envelope);
            RequireId(envelope);
            var (method, parameters) = Call(envelope);
            var result = method switch
            {
                "lsps1.get_info" => Lsps1Handlers.GetInfo(lsps1, cache),
                "lsps1.create_order" => limiter.TryTake(context, out _)
                    ? await Lsps1Handlers.CreateOrder(lsps1, Lsps1Route.House, parameters)
                    : throw new Lsps1Exception(Lsps1Codes.ClientRejected, Lsps1OrderLimiter.RejectionMessage),
                "lsps1.get_order" => await Lsps1Handlers.GetOrder(lsps1, Lsps1RequestReader.OrderIdFromBody(parameters)),
                _ => throw new Lsps1Exception(Lsps1Codes.MethodNotFound, $"Unknown method '{method}'."),
            };
            return Respond(id, w => w.WriteRawValue(result, skipInputValidation: true), "result");
        }
        catch (Lsps1Exception ex)
        {
            return Respond(id, w => Lsps1Json.WriteError(w, ex), "error");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An LSPS1 JSON-RPC request failed");
            return Respond(id, w => Lsps1Json.WriteError(w, new Lsps1Exception(Lsps1Codes.InternalError, "The LSP could not complete the request.")), "error");
        }
    }

    private static JsonElement? Id(JsonElement envelope) =>
        envelope.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null ? id : null;

    /// <summary>
    /// A call without an id is a notification, which JSON-RPC never answers; an LSPS1 call is only useful for its
    /// answer (a notified create_order would make an order nobody can see), so notifications are refused.
    /// </summary>
    private static void RequireId(JsonElement envelope)
    {
        if (!envelope.TryGetProperty("id", out var id))
            throw new Lsps1Exception(Lsps1Codes.InvalidRequest, "id is required: notifications are not supported.");
        if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            throw new Lsps1Exception(Lsps1Codes.InvalidRequest, "id must be a string, a number or null.");
    }

    private static (string Method, JsonElement Params) Call(JsonElement envelope)
    {
        if (!envelope.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            throw new Lsps1Exception(Lsps1Codes.InvalidRequest, "jsonrpc must be \"2.0\".");
        if (!envelope.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
            throw new Lsps1Exception(Lsps1Codes.InvalidRequest, "method must be a string.");
        if (!envelope.TryGetProperty("params", out var parameters) || parameters.ValueKind == JsonValueKind.Null)
            return (method.GetString()!, JsonDocument.Parse("{}").RootElement);
        if (parameters.ValueKind != JsonValueKind.Object)
            throw new Lsps1Exception(Lsps1Codes.InvalidParams, "params must be an object.", "params");
        return (method.GetString()!, parameters);
    }

    private static IResult Respond(JsonElement? id, Action<Utf8JsonWriter> write, string member) =>
        Lsps1Http.Ok(Lsps1Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            if (id is { } value)
                value.WriteTo(w);
            else
                w.WriteNullValue();
            w.WritePropertyName(member);
            write(w);
            w.WriteEndObject();
        }));
}

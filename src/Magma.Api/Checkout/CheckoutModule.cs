using Magma.Api.Endpoints;
using Magma.Lightning.Storage;
using Magma.Market.Data;

using Microsoft.EntityFrameworkCore;

namespace Magma.Api.Checkout;

/// <summary>
/// GET /checkout/{order_id}: the page buy's redirect_url points to. The unguessable order id is the only key, as
/// with LSPS1's get_order; the page shows the invoice and progress, nothing private.
/// </summary>
public sealed class CheckoutModule : IEndpointModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout/{orderId}", async (string orderId, SqliteDatabase database) =>
            await Find(database, orderId) is { } order
                ? Results.Content(CheckoutPage.Render(CheckoutStatus.Of(order)), "text/html; charset=utf-8")
                : Results.Content("<!doctype html><title>Order not found</title><p>No order has this id.</p>", "text/html; charset=utf-8", statusCode: 404))
            .WithTags("Checkout");
        app.MapGet("/checkout/{orderId}/status", async (string orderId, SqliteDatabase database) =>
            await Find(database, orderId) is { } order ? Results.Ok(CheckoutStatus.Of(order)) : Results.NotFound())
            .WithTags("Checkout");
    }

    private static async Task<Order?> Find(SqliteDatabase database, string orderId)
    {
        if (!Guid.TryParse(orderId, out var id))
            return null;
        var normalized = id.ToString();
        await using var db = database.Read<MarketDbContext>();
        return await db.Orders.FirstOrDefaultAsync(o => o.Id == normalized);
    }
}

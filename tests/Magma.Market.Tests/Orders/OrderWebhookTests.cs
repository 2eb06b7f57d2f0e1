using System.Text.Json.Nodes;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Orders;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Tests.Orders;

/// <summary>
/// <c>order.status_changed</c>: each status change writes an outbox event and a pending delivery for every active
/// endpoint of the buyer's and the seller's accounts, in the unit of the change. Delivering them is the payments core's job.
/// </summary>
public sealed class OrderWebhookTests : MarketHarness
{
    [Fact]
    public async Task EachStatusChangeQueuesAnEventForTheBuyersAndTheSellersEndpoints()
    {
        var (sellerNode, seller, offer) = await Seller();
        var (buyerAccount, _) = await Get<AccountService>().Create(MarketCaller.AdminCaller, "buyer with webhooks");
        var buyer = new MarketCaller.Account(buyerAccount.Id, AccountKeyKind.Api);
        await AddEndpoint(buyerAccount.Id, "https://buyer.example/hooks", "[]");
        await AddEndpoint(seller.AccountId!, "https://seller.example/hooks", "[\"order.status_changed\"]");
        await AddEndpoint(seller.AccountId!, "https://seller.example/payments-only", "[\"payment.completed\"]");
        await AddEndpoint(seller.AccountId!, "https://seller.example/paused", "[]", active: false);

        var order = (await Get<OrderPlacement>().FromOffer(buyer, offer.Id, "100000", Uri(await BuyerNode()), false)).Order;
        await Get<SellerOperations>().Reject(seller, order.Id);

        var events = await OrderEvents();
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal("order.status_changed", e.EventType));
        foreach (var (account, role) in new[] { (buyerAccount.Id, "buyer"), (seller.AccountId!, "seller") })
        {
            var mine = events.Where(e => e.AccountId == account).Select(e => JsonNode.Parse(e.Payload)!).ToList();
            var previousByStatus = mine.ToDictionary(p => (string)p["data"]!["status"]!, p => (string?)p["data"]!["previous_status"]);
            Assert.Equal(new Dictionary<string, string?> { ["WAITING_FOR_SELLER_APPROVAL"] = null, ["SELLER_REJECTED"] = "WAITING_FOR_SELLER_APPROVAL" }, previousByStatus);
            Assert.All(mine, p => Assert.Equal((role, order.Id, "100000"), ((string)p["role"]!, (string)p["data"]!["order_id"]!, (string)p["data"]!["size"]!)));
            Assert.All(mine, p => Assert.Equal(sellerNode.Pubkey.ToHex(), (string)p["data"]!["source"]!));
        }
        var deliveries = await Deliveries();
        Assert.Equal(4, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.Equal(["https://buyer.example/hooks", "https://seller.example/hooks"], deliveries.Select(d => d.TargetUrl).Distinct().Order());
    }

    [Fact]
    public async Task AccountsWithoutEndpointsGetNoOrderEvents()
    {
        var deal = await MarketplaceOrder();
        await AddEndpoint(deal.Seller.AccountId!, "https://seller.example/deleted", "[]", deleted: true);

        await Get<SellerOperations>().Reject(deal.Seller, deal.OrderId);

        Assert.Empty(await OrderEvents());
        Assert.Empty(await Deliveries());
    }

    [Fact]
    public async Task AnEventIsWrittenOnlyWhenTheStatusChangesNotForEscrowSteps()
    {
        var deal = await MarketplaceOrder();
        await AddEndpoint(deal.Seller.AccountId!, "https://seller.example/hooks", "[]");

        await CompleteMarketplaceOrder(deal);

        // The endpoint came after the order was placed: every later status change, once each, and nothing for escrow steps.
        var statuses = (await OrderEvents()).Select(e => (string)JsonNode.Parse(e.Payload)!["data"]!["status"]!).Order().ToList();
        Assert.Equal(
            new[] { "WAITING_FOR_BUYER_PAYMENT", "WAITING_FOR_CHANNEL_OPEN", "SELLER_SENT_TRANSACTION", "WAITING_FOR_ON_CHAIN_CONFIRMATION",
                "ON_CHAIN_CONFIRMATION", "SELLER_OPENED_CHANNEL", "VALID_CHANNEL_OPENING", "CHANNEL_MONITORING_FINISHED" }.Order(),
            statuses);
    }

    private async Task AddEndpoint(string accountId, string url, string filters, bool active = true, bool deleted = false)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await Database.Write<MarketDbContext>(async db =>
        {
            db.WebhookEndpoints.Add(new WebhookEndpoint
            {
                Id = Guid.NewGuid().ToString(), EnvironmentId = Get<MarketPlatform>().EnvironmentId, Url = url, EventFilters = filters,
                Active = active, Secret = "whsec_test", AccountId = accountId, CreatedAt = now, UpdatedAt = now, DeletedAt = deleted ? now : null,
            });
            await db.SaveChangesAsync();
        });
    }

    private async Task<List<WebhookEvent>> OrderEvents()
    {
        await using var db = Database.Read<MarketDbContext>();
        return await db.WebhookEvents.Where(e => e.AccountId != null).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync();
    }

    private async Task<List<WebhookDelivery>> Deliveries()
    {
        await using var db = Database.Read<MarketDbContext>();
        var ids = await db.WebhookEvents.Where(e => e.AccountId != null).Select(e => e.Id).ToListAsync();
        return await db.WebhookDeliveries.Where(d => ids.Contains(d.EventId)).ToListAsync();
    }
}

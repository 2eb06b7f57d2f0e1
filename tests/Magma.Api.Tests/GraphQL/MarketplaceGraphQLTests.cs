using System.Net.Http.Json;
using System.Text.Json;
using Magma.Lightning.Bolt11;
using Magma.Market.Orders;
using Magma.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Magma.Api.Tests.GraphQL.GraphQLClient;

namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// The marketplace through GraphQL as a manual seller and a buyer use it: node-signed registration, an offer,
/// a buy that waits for the seller, the seller's accept, and the MarketOrder fields clients read. The house
/// seller is off so the buy can only match the manual offer.
/// </summary>
public sealed class MarketplaceGraphQLTests : IDisposable
{
    private const string PublicBaseUrl = "https://magma.example";

    private const string Challenge = "query($pubkey: String!) { account { challenge(pubkey: $pubkey) { message expires_at } } }";
    private const string Login = "mutation($input: LoginInput!) { account { login(input: $input) { id api_key } } }";
    private const string CreateOffer = "mutation($input: CreateOfferInput!) { market { offer { create(input: $input) { offer_id } } } }";
    private const string Buy = """
        mutation($input: LiquidityOrderInput!) { liquidity { buy(input: $input) {
          account { id session_key } order { transaction_id usd_cents } payment { lightning_invoice redirect_url amount { sats } } } } }
        """;
    private const string Accept = "mutation($input: SellerAcceptOrdersInput!) { market { order { seller { accept(input: $input) { success } } } } }";

    // Every MarketOrder field the issue names as a client contract.
    private const string OrderFields = """
        id status payment_status size channel_id transaction_id timeout created_at
        confirmations { confirmations } blocks_until_can_be_closed
        fees { seller { sats } platform { sats } buyer { sats } }
        payment { lightning { invoice pending } }
        destination { pubkey } source { pubkey }
        promises { locked_min_block_length locked_fee_rate_cap locked_base_fee_cap }
        """;
    private const string GetOrder = "query($id: String!) { user { market { orders { get_order(order_id: $id) { " + OrderFields + " } } } } }";
    private const string Sales = "{ user { market { orders { sales(page: { limit: 10, offset: 0 }) { total list { " + OrderFields + " } } } } } }";
    private const string SalesByStatus = "query($status: MarketOrderStatus) { user { market { orders { sales(input: { status: $status }, page: { limit: 1, offset: 0 }) { total list { id } } } } } }";
    private const string Aliases = "query($id: String!) { user { market { orders { get_order(order_id: $id) { source { alias } destination { alias } } } } } }";
    private const string Timeline = "query($id: String!) { user { market { orders { get_order(order_id: $id) { events { from_status to_status trigger payment_status message details seller_detail created_at } } } } } }";
    private const string Purchases = "{ user { market { orders { purchases(page: { limit: 10, offset: 0 }) { total list { id } } } } } }";

    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task AManualSellersOrderWaitsForItsAcceptAndKeepsTheMarketOrderContract()
    {
        await using var app = new MagmaApp(_database, new Dictionary<string, string?>
        {
            ["Market:HouseSeller:Enabled"] = "false",
            ["Magma:PublicBaseUrl"] = PublicBaseUrl,
        });
        var client = app.CreateClient();
        var seller = await Node(client, "seller");
        var buyer = await Node(client, "buyer");

        var (sellerKey, offer) = await SellerWithOffer(client, seller.Pubkey);

        var bought = (await client.Graph(Buy, new { input = new { connection_uri = buyer.Uri, usd_cents = "5000", redirect_url = "https://shop.example/thanks" } }))
            .Data().At("liquidity", "buy");
        var buyerKey = Bearer(bought.At("account", "session_key").GetString()!);
        var orderId = bought.At("order", "transaction_id").GetString()!;
        var defaulted = (await client.Graph(Buy, new { input = new { connection_uri = buyer.Uri, usd_cents = "5000" } }, buyerKey)).Data().At("liquidity", "buy");

        Assert.Matches("^[0-9a-f-]{36}$", offer.At("market", "offer", "create", "offer_id").GetString());
        Assert.Equal(JsonValueKind.Null, bought.At("payment", "lightning_invoice").ValueKind);
        Assert.Equal("https://shop.example/thanks", bought.At("payment", "redirect_url").GetString());
        Assert.Equal($"{PublicBaseUrl}/checkout/{defaulted.At("order", "transaction_id").GetString()}", defaulted.At("payment", "redirect_url").GetString());

        var waiting = (await client.Graph(GetOrder, new { id = orderId }, buyerKey)).Data().At("user", "market", "orders", "get_order");
        AssertContract(waiting, seller.Pubkey, buyer.Pubkey);
        Assert.Equal("WAITING_FOR_SELLER_APPROVAL", waiting.At("status").GetString());
        Assert.Equal("PENDING_PAYMENT", waiting.At("payment_status").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.At("payment", "lightning", "invoice").ValueKind);
        Assert.Equal(144, waiting.At("promises", "locked_min_block_length").GetInt32());
        Assert.Equal(1000, waiting.At("promises", "locked_fee_rate_cap").GetInt32());
        Assert.Equal(10, waiting.At("promises", "locked_base_fee_cap").GetInt32());

        var sales = (await client.Graph(Sales, null, sellerKey)).Data().At("user", "market", "orders", "sales");
        var sale = Assert.Single(sales.At("list").EnumerateArray(), o => o.At("id").GetString() == orderId);
        Assert.Equal(2, sales.At("total").GetInt32());
        var purchases = (await client.Graph(Purchases, null, buyerKey)).Data().At("user", "market", "orders", "purchases");
        Assert.Equal(2, purchases.At("total").GetInt32());

        var sellerSats = long.Parse(sale.At("fees", "seller", "sats").GetString()!);
        var invoice = await (await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller.Pubkey}/invoices",
            new { amount_msat = sellerSats * 1000, memo = "channel", expiry_seconds = 72 * 3600 })).Json<JsonElement>();
        var accepted = await client.Graph(Accept, new { input = new { order_id = orderId, payment_request = invoice.GetProperty("payment_request").GetString() } }, sellerKey);
        var payable = (await client.Graph(GetOrder, new { id = orderId }, buyerKey)).Data().At("user", "market", "orders", "get_order");

        Assert.True(accepted.Data().At("market", "order", "seller", "accept", "success").GetBoolean());
        AssertContract(payable, seller.Pubkey, buyer.Pubkey);
        Assert.Equal("WAITING_FOR_BUYER_PAYMENT", payable.At("status").GetString());
        Assert.True(payable.At("payment", "lightning", "pending").GetBoolean());
        var hold = Bolt11Decoder.Decode(payable.At("payment", "lightning", "invoice").GetString()!).Invoice!;
        Assert.Equal(long.Parse(payable.At("fees", "buyer", "sats").GetString()!) * 1000, hold.AmountMsat);
        Assert.Equal(invoice.GetProperty("payment_hash").GetString(), hold.PaymentHash);

        // Filtered before paging: the total counts only the accepted order, and a one-order page still finds it.
        var awaitingPayment = (await client.Graph(SalesByStatus, new { status = "WAITING_FOR_BUYER_PAYMENT" }, sellerKey)).Data().At("user", "market", "orders", "sales");
        Assert.Equal(1, awaitingPayment.At("total").GetInt32());
        Assert.Equal(orderId, Assert.Single(awaitingPayment.At("list").EnumerateArray()).At("id").GetString());

        var nodes = (await client.Graph(Aliases, new { id = orderId }, buyerKey)).Data().At("user", "market", "orders", "get_order");
        Assert.Equal("seller", nodes.At("source", "alias").GetString());
        Assert.Equal("buyer", nodes.At("destination", "alias").GetString());

        // The timeline the buyer can read: creation, then the seller's accept.
        var events = (await client.Graph(Timeline, new { id = orderId }, buyerKey)).Data().At("user", "market", "orders", "get_order", "events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(JsonValueKind.Null, events[0].At("from_status").ValueKind);
        Assert.Equal("WAITING_FOR_SELLER_APPROVAL", events[0].At("to_status").GetString());
        Assert.Equal("WAITING_FOR_SELLER_APPROVAL", events[1].At("from_status").GetString());
        Assert.Equal("WAITING_FOR_BUYER_PAYMENT", events[1].At("to_status").GetString());
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.At("message").GetString())));
        Assert.True(DateTimeOffset.TryParse(events[1].At("created_at").GetString(), out _));
    }

    [Fact]
    public async Task AFailedSellerPayoutReadsNeutrallyToTheBuyerWhileTheSellerAndTheAdminSeeTheError()
    {
        await using var app = new MagmaApp(_database, new Dictionary<string, string?> { ["Market:HouseSeller:Enabled"] = "false" });
        var client = app.CreateClient();
        var seller = await Node(client, "seller");
        var buyer = await Node(client, "buyer");
        var (sellerKey, _) = await SellerWithOffer(client, seller.Pubkey);
        var bought = (await client.Graph(Buy, new { input = new { connection_uri = buyer.Uri, usd_cents = "5000" } })).Data().At("liquidity", "buy");
        var buyerKey = Bearer(bought.At("account", "session_key").GetString()!);
        var orderId = bought.At("order", "transaction_id").GetString()!;
        // A failed payout as the escrow records it: neutral words for everyone, the node's error for the seller side.
        var transitions = app.Services.GetRequiredService<OrderTransitions>();
        await transitions.Change(orderId, (db, o) => transitions.Record(db, o, o.Status, "payout.failed",
            "Seller payout failed (attempt 1); retrying in 30 s, until the HTLC deadline.", sellerDetail: "No route to the destination was found."));

        var asBuyer = await PayoutFailure(client, orderId, buyerKey);
        var asSeller = await PayoutFailure(client, orderId, sellerKey);
        var asAdmin = await PayoutFailure(client, orderId, Bearer(MagmaApp.AdminToken));

        Assert.Equal("Seller payout failed (attempt 1); retrying in 30 s, until the HTLC deadline.", asBuyer.At("message").GetString());
        Assert.Equal(JsonValueKind.Null, asBuyer.At("seller_detail").ValueKind);
        Assert.DoesNotContain("route", asBuyer.ToString());
        Assert.Equal(asBuyer.At("message").GetString(), asSeller.At("message").GetString());
        Assert.Equal("No route to the destination was found.", asSeller.At("seller_detail").GetString());
        Assert.Equal("No route to the destination was found.", asAdmin.At("seller_detail").GetString());
    }

    private static async Task<JsonElement> PayoutFailure(HttpClient client, string orderId, (string, string) key) =>
        (await client.Graph(Timeline, new { id = orderId }, key)).Data().At("user", "market", "orders", "get_order", "events")
            .EnumerateArray().Single(e => e.At("trigger").GetString() == "payout.failed");

    /// <summary>The shapes clients rely on: sat amounts as decimal strings, the two nodes, a timestamp.</summary>
    private static void AssertContract(JsonElement order, string seller, string buyer)
    {
        foreach (var fee in new[] { "seller", "platform", "buyer" })
            Assert.Matches("^[0-9]+$", order.At("fees", fee, "sats").GetString());
        Assert.Matches("^[0-9]+$", order.At("size").GetString());
        Assert.Equal(seller, order.At("source", "pubkey").GetString());
        Assert.Equal(buyer, order.At("destination", "pubkey").GetString());
        Assert.Equal(0, order.At("confirmations", "confirmations").GetInt32());
        Assert.Equal(JsonValueKind.Null, order.At("channel_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, order.At("transaction_id").ValueKind);
        Assert.True(DateTimeOffset.TryParse(order.At("created_at").GetString(), out _));
        Assert.True(order.TryGetProperty("timeout", out _));
        Assert.True(order.TryGetProperty("blocks_until_can_be_closed", out _));
    }

    /// <summary>A seller logs in by signing the challenge with its node and offers liquidity; its key and the offer come back.</summary>
    private static async Task<((string, string) Key, JsonElement Offer)> SellerWithOffer(HttpClient client, string pubkey)
    {
        var challenge = (await client.Graph(Challenge, new { pubkey })).Data().At("account", "challenge");
        var signature = (await (await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{pubkey}/signmessage",
            new { message = challenge.At("message").GetString() })).Json<JsonElement>()).GetProperty("signature").GetString();
        var key = Bearer((await client.Graph(Login, new { input = new { pubkey, signature } })).Data().At("account", "login", "api_key").GetString()!);
        var offer = (await client.Graph(CreateOffer, new
        {
            input = new
            {
                pubkey, total_size = "10000000", min_size = "100000", max_size = "5000000", min_block_length = 144,
                fee_rate = 1000, base_fee = 100, fee_rate_cap = 1000, base_fee_cap = 10, onchain_priority = "HIGH", onchain_multiplier = 2,
                conditions = new[] { new { condition = "NODE_CHANNELS", @operator = "GREATER_THAN_OR_EQUAL_TO", value = "0" } },
            },
        }, key)).Data();
        return (key, offer);
    }

    private static async Task<(string Pubkey, string Uri)> Node(HttpClient client, string alias)
    {
        var node = await (await client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias })).Json<JsonElement>();
        return (node.GetProperty("pubkey").GetString()!, node.GetProperty("uri").GetString()!);
    }

    public void Dispose() => _database.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Lightning.Messages;
using Magma.Testing;

namespace Magma.Api.Tests.Sandbox;

public sealed class SandboxRouteTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task TheHouseNodeIsListedFirst()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "seller" });

        var nodes = await (await client.GetAsync("/api/v1/sandbox/nodes")).Json<JsonElement>();

        Assert.Equal(2, nodes.GetArrayLength());
        Assert.Equal("magma-house", nodes[0].GetProperty("alias").GetString());
        Assert.True(PublicKey.TryParseHex(nodes[1].GetProperty("pubkey").GetString(), out _));
    }

    [Fact]
    public async Task EveryNodeViewCarriesTheSameConnectionUri()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        var created = await (await client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "buyer" })).Json<JsonElement>();
        var pubkey = created.GetProperty("pubkey").GetString();

        var listed = (await (await client.GetAsync("/api/v1/sandbox/nodes")).Json<JsonElement>()).EnumerateArray()
            .Single(n => n.GetProperty("pubkey").GetString() == pubkey);
        var described = await (await client.GetAsync($"/api/v1/sandbox/nodes/{pubkey}")).Json<JsonElement>();

        var uri = created.GetProperty("uri").GetString();
        Assert.StartsWith(pubkey + "@", uri);
        Assert.Equal(uri, listed.GetProperty("uri").GetString());
        Assert.Equal(uri, described.GetProperty("uri").GetString());
        Assert.Equal(uri, described.GetProperty("uris")[0].GetString());
    }

    [Fact]
    public async Task ANodesInvoiceIsPaidByTheExternalPayer()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        var seller = await CreateNode(client, "seller");

        var created = await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/invoices", new { amount_msat = 42_000, memo = "tea", expiry_seconds = 900 });
        var invoice = await created.Json<JsonElement>();
        var request = invoice.GetProperty("payment_request").GetString()!;
        var paid = await client.PostAsJsonAsync("/api/v1/sandbox/pay", new { payment_request = request });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var decoded = Bolt11Decoder.Decode(request);
        Assert.Equal(seller, decoded.Invoice!.Payee.ToHex());
        Assert.Equal(invoice.GetProperty("payment_hash").GetString(), decoded.Invoice.PaymentHash);
        Assert.Equal("SETTLED", (await paid.Json<JsonElement>()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ASellerNodeOpensAChannelThatConfirmsAsBlocksAreMined()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        var seller = await CreateNode(client, "seller");
        var buyer = await CreateNode(client, "buyer");

        var opened = await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/channels",
            new { peer_pubkey = buyer, capacity_sat = 500_000, push_sat = 0, @private = false });
        var height = (await (await client.GetAsync("/api/v1/sandbox/chain")).Json<JsonElement>()).GetProperty("height").GetInt32();
        var mined = await client.PostAsJsonAsync("/api/v1/sandbox/mine", new { blocks = 3 });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Matches("^[0-9a-f]{64}:0$", (await opened.Json<JsonElement>()).GetProperty("funding_outpoint").GetString());
        Assert.Equal(height + 3, (await mined.Json<JsonElement>()).GetProperty("height").GetInt32());
        var node = await (await client.GetAsync($"/api/v1/sandbox/nodes/{buyer}")).Json<JsonElement>();
        Assert.Equal(1, node.GetProperty("channels").GetArrayLength());
    }

    [Fact]
    public async Task SignmessageProducesLndsZbase32RecoverableFormat()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        var seller = await CreateNode(client, "seller");

        var signed = await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/signmessage", new { message = "prove it" });
        var signature = (await signed.Json<JsonElement>()).GetProperty("signature").GetString()!;

        Assert.True(MessageSigner.TryRecover("prove it", signature, out var key));
        Assert.Equal(seller, key.ToHex());
    }

    [Fact]
    public async Task BadInputGetsAJsonErrorWithAFittingStatus()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        var house = (await (await client.GetAsync("/api/v1/sandbox/nodes")).Json<JsonElement>())[0].GetProperty("pubkey").GetString();

        var badJson = await client.PostAsync("/api/v1/sandbox/mine", new StringContent("{\"blocks\":\"many\"}", System.Text.Encoding.UTF8, "application/json"));
        var tooMany = await client.PostAsJsonAsync("/api/v1/sandbox/mine", new { blocks = 5000 });
        var unknownNode = await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{PrivateKey.Generate().PublicKey.ToHex()}/invoices", new { amount_msat = 1 });
        var houseSigning = await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{house}/signmessage", new { message = "x" });
        var garbage = await client.PostAsJsonAsync("/api/v1/sandbox/pay", new { payment_request = "lnbcrt1nonsense" });

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal("invalid-request", (await badJson.Json<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownNode.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, houseSigning.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbage.StatusCode);
    }

    [Fact]
    public async Task ARestartKeepsNodesInvoicesChannelsAndHeight()
    {
        string seller, buyer, hash;
        int height;
        await using (var first = new MagmaApp(_database))
        {
            var client = first.CreateClient();
            seller = await CreateNode(client, "seller");
            buyer = await CreateNode(client, "buyer");
            var invoice = await (await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/invoices", new { amount_msat = 1_000 })).Json<JsonElement>();
            hash = invoice.GetProperty("payment_hash").GetString()!;
            await client.PostAsJsonAsync($"/api/v1/sandbox/nodes/{seller}/channels", new { peer_pubkey = buyer, capacity_sat = 300_000 });
            height = (await (await client.PostAsJsonAsync("/api/v1/sandbox/mine", new { blocks = 4 })).Json<JsonElement>()).GetProperty("height").GetInt32();
        }

        await using var second = new MagmaApp(_database);
        var again = second.CreateClient();

        Assert.Equal(height, (await (await again.GetAsync("/api/v1/sandbox/chain")).Json<JsonElement>()).GetProperty("height").GetInt32());
        Assert.Equal(3, (await (await again.GetAsync("/api/v1/sandbox/nodes")).Json<JsonElement>()).GetArrayLength());
        var node = await (await again.GetAsync($"/api/v1/sandbox/nodes/{seller}")).Json<JsonElement>();
        Assert.Equal(1, node.GetProperty("channels").GetArrayLength());
        var simnet = second.Services.GetService(typeof(Magma.Lightning.Simnet.SimnetNetwork)) as Magma.Lightning.Simnet.SimnetNetwork;
        Assert.NotNull(await simnet!.Node(PublicKey.ParseHex(seller)).LookupInvoice(hash));
    }

    private static async Task<string> CreateNode(HttpClient client, string alias)
    {
        var response = await client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json<JsonElement>()).GetProperty("pubkey").GetString()!;
    }

    public void Dispose() => _database.Dispose();
}

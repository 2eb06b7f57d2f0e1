using System.Text.Json;
using System.Text.Json.Nodes;
using Magma.Api.Lsps1;
using Magma.Testing;

namespace Magma.Api.Tests.Lsps1;

/// <summary>Real responses, one of each shape, gathered once over the real host.</summary>
public sealed class Lsps1Samples : IAsyncLifetime
{
    private readonly Lsps1Fixture _fixture = new();

    public List<(string Schema, JsonElement Body)> Responses { get; } = [];

    public Lsps1Host Host => _fixture.Host;

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        var host = _fixture.Host;
        var client = await host.NewNode();
        var body = Lsps1Host.Body(client);
        (body["refund_onchain_address"], body["client_balance_sat"]) = (await host.NewAddress(client), "10000");
        var request = JsonDocument.Parse(Lsps1Host.Json(body)).RootElement.Clone();
        var created = await host.CreateOrder(request.GetRawText());
        var id = created.GetProperty("order_id").GetString()!;
        await host.PayInvoice(created.GetProperty("payment").GetProperty("bolt11").GetProperty("invoice").GetString()!);
        var completed = await host.WaitForOrder(id, o => o.GetProperty("order_state").GetString() == "COMPLETED");
        Responses.Add(("get_info.response.json", await host.GetInfo()));
        Responses.Add(("create_order.request.json", request));
        Responses.Add(("create_order.response.json", created));
        Responses.Add(("get_order.response.json", completed));
        Responses.Add(("error.response.json", await Lsps1Host.Ok(await host.PostRaw("/api/v1/create_order", "{}"), System.Net.HttpStatusCode.BadRequest)));
        Responses.Add(("error.response.json", await Lsps1Host.Ok(await host.Client.GetAsync($"/api/v1/get_order?order_id={Guid.NewGuid()}"), System.Net.HttpStatusCode.NotFound)));
        Responses.Add(("error.response.json", await Lsps1Host.Ok(await host.Client.GetAsync("/api/lsps1/v1/get_orders"), System.Net.HttpStatusCode.NotFound)));
        Responses.Add(("error.response.json", await Lsps1Host.Ok(await host.Client.GetAsync("/api/v1/create_order"), System.Net.HttpStatusCode.MethodNotAllowed)));
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();
}

public sealed class Lsps1SpecTests(Lsps1Samples samples) : IClassFixture<Lsps1Samples>
{
    private static readonly string SpecFolder = Path.Combine(RepositoryRoot.Find(), "lsp-spec");

    [Fact]
    public async Task TheServedOpenApiDocumentIsTheFileInLspSpec()
    {
        var served = await (await samples.Host.Client.GetAsync("/openapi/lsps1.json")).Content.ReadAsByteArrayAsync();

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SpecFolder, "openapi.json")), served);
    }

    [Fact]
    public void TheOpenApiDocumentDescribesEveryPrefixAndRoute()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(SpecFolder, "openapi.json")))!;

        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        var prefixes = document["servers"]![0]!["variables"]!["prefix"]!["enum"]!.AsArray().Select(p => p!.GetValue<string>());
        Assert.Equal(Lsps1Module.Prefixes.Select(p => p.Prefix), prefixes);
        Assert.Equal(["/get_info", "/create_order", "/get_order", "/jsonrpc"], document["paths"]!.AsObject().Select(p => p.Key));
        var statuses = document["paths"]!["/create_order"]!["post"]!["responses"]!.AsObject().Select(r => r.Key);
        Assert.Equal(["200", "400", "403", "429", "500", "503", "405"], statuses);
    }

    [Theory]
    [InlineData("get_info.response.json")]
    [InlineData("create_order.request.json")]
    [InlineData("create_order.response.json")]
    [InlineData("get_order.response.json")]
    [InlineData("error.response.json")]
    public void EachSchemaFileCarriesTheOpenApiComponentsUnchanged(string file)
    {
        var components = File.ReadAllText(Path.Combine(SpecFolder, "openapi.json"));
        var expected = JsonNode.Parse(components)!["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/");
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SpecFolder, "schemas", file)))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), schema["$defs"]), $"{file} drifted from openapi.json's components");
    }

    [Fact]
    public void RealResponsesPassTheInProcessSchemaCheck()
    {
        foreach (var (file, body) in samples.Responses)
        {
            var errors = JsonSchemaCheck.Validate(Schema(file), body);
            Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void TheInProcessCheckCatchesANumericSatAndANullMinFee()
    {
        var order = samples.Responses.First(r => r.Schema == "create_order.response.json").Body;
        var numeric = JsonNode.Parse(order.GetRawText())!;
        numeric["lsp_balance_sat"] = 1000000;
        numeric["payment"]!["onchain"]!["min_fee_for_0conf"] = null;

        var errors = JsonSchemaCheck.Validate(Schema("create_order.response.json"), JsonDocument.Parse(numeric.ToJsonString()).RootElement);

        Assert.Contains(errors, e => e.Contains("lsp_balance_sat"));
        Assert.Contains(errors, e => e.Contains("min_fee_for_0conf"));
    }

    [NodeToolFact("ajv")]
    public async Task RealResponsesValidateAgainstTheSchemasWithAjv()
    {
        const string script = """
            const Ajv2020 = require("ajv/dist/2020").default;
            const fs = require("fs");
            const path = require("path");
            const input = JSON.parse(fs.readFileSync(0, "utf8"));
            const failures = [];
            for (const sample of input.samples) {
              const ajv = new Ajv2020({ strict: false, allErrors: true });
              const schema = JSON.parse(fs.readFileSync(path.join(input.folder, sample.schema), "utf8"));
              const validate = ajv.compile(schema);
              if (!validate(sample.body)) failures.push(sample.schema + ": " + ajv.errorsText(validate.errors));
            }
            console.log(JSON.stringify({ checked: input.samples.length, failures }));
            """;
        var input = JsonSerializer.Serialize(new
        {
            folder = Path.Combine(SpecFolder, "schemas"),
            samples = samples.Responses.Select(r => new { schema = r.Schema, body = r.Body }),
        });

        var output = JsonDocument.Parse(await NodeTools.RunScript(script, input)).RootElement;

        Assert.Equal(samples.Responses.Count, output.GetProperty("checked").GetInt32());
        Assert.Empty(output.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
    }

    private static JsonElement Schema(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecFolder, "schemas", file))).RootElement;
}

using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Magma.Testing;

namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// What code generators and Apollo tooling do with the served API: rebuild the schema from introspection with
/// graphql-js <c>buildClientSchema</c>, compare it with <c>GET /graphql/schema.graphql</c>, and validate the seed
/// pages' operations against it.
/// </summary>
public sealed class IntrospectionClientTests : IDisposable
{
    private const string PrintIntrospectionQuery = """
        const { getIntrospectionQuery } = require('graphql');
        process.stdout.write(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
        """;

    private const string RebuildAndValidate = """
        const { buildClientSchema, buildSchema, printSchema, lexicographicSortSchema, assertValidSchema, parse, validate } = require('graphql');
        let input = '';
        process.stdin.on('data', chunk => input += chunk);
        process.stdin.on('end', () => {
          const { sdl, introspection, operations } = JSON.parse(input);
          const client = buildClientSchema(introspection.data);
          assertValidSchema(client);
          const served = buildSchema(sdl);
          const invalid = Object.entries(operations)
            .map(([name, text]) => [name, validate(client, parse(text)).map(e => e.message)])
            .filter(([, errors]) => errors.length > 0);
          process.stdout.write(JSON.stringify({
            introspected: printSchema(lexicographicSortSchema(client)),
            served: printSchema(lexicographicSortSchema(served)),
            invalid,
          }));
        });
        """;

    private readonly TemporaryDatabase _database = new();

    [NodeToolFact("graphql")]
    public async Task GraphQLJsRebuildsTheServedSchemaFromIntrospectionAndAcceptsEverySeedOperation()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();
        var query = await NodeTools.RunScript(PrintIntrospectionQuery, "");
        var introspection = await (await client.PostAsJsonAsync("/graphql", new { query })).Json<JsonElement>();
        var sdl = await client.GetStringAsync("/graphql/schema.graphql");
        var operations = typeof(SeedOperations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        var output = JsonDocument.Parse(await NodeTools.RunScript(RebuildAndValidate, JsonSerializer.Serialize(new { sdl, introspection, operations }))).RootElement;

        Assert.False(introspection.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Equal(output.GetProperty("served").GetString(), output.GetProperty("introspected").GetString());
        Assert.Contains("type MarketOrder {", output.GetProperty("introspected").GetString());
        Assert.True(operations.Count > 20);
        Assert.True(output.GetProperty("invalid").GetArrayLength() == 0, output.GetProperty("invalid").ToString());
    }

    public void Dispose() => _database.Dispose();
}

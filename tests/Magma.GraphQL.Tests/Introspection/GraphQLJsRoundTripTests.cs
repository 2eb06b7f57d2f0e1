using System.Text.Json;
using Magma.GraphQL.Tests.Support;
using Magma.Testing;

namespace Magma.GraphQL.Tests.Introspection;

/// <summary>Cross-checks introspection and the schema printer against graphql-js, the reference implementation.</summary>
public class GraphQLJsRoundTripTests
{
    private const string PrintIntrospectionQuery = """
        const { getIntrospectionQuery } = require('graphql');
        process.stdout.write(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
        """;

    private const string CompareSchemas = """
        const { buildClientSchema, buildSchema, printSchema, lexicographicSortSchema, assertValidSchema } = require('graphql');
        let input = '';
        process.stdin.on('data', chunk => input += chunk);
        process.stdin.on('end', () => {
          const { sdl, introspection } = JSON.parse(input);
          const fromIntrospection = buildClientSchema(introspection.data);
          assertValidSchema(fromIntrospection);
          const fromSdl = buildSchema(sdl);
          assertValidSchema(fromSdl);
          process.stdout.write(JSON.stringify({
            introspected: printSchema(lexicographicSortSchema(fromIntrospection)),
            declared: printSchema(lexicographicSortSchema(fromSdl)),
          }));
        });
        """;

    [NodeToolFact("graphql")]
    public async Task GraphQLJsRebuildsTheSameSchemaFromOurIntrospection()
    {
        var query = await NodeTools.RunScript(PrintIntrospectionQuery, "");
        var introspection = await Run.Json(query);
        Assert.False(introspection.TryGetProperty("errors", out _), introspection.ToString());

        var input = JsonSerializer.Serialize(new { sdl = Library.Schema.Print(), introspection });
        var output = JsonDocument.Parse(await NodeTools.RunScript(CompareSchemas, input)).RootElement;

        Assert.Equal(output.GetProperty("declared").GetString(), output.GetProperty("introspected").GetString());
        Assert.Contains("scalar DateTime @specifiedBy", output.GetProperty("introspected").GetString());
        Assert.Contains("HISTORY @deprecated", output.GetProperty("introspected").GetString());
    }

    [NodeToolFact("graphql")]
    public async Task GraphQLJsAcceptsOurPrintedSdlAsTheSameSchemaAsTheSource()
    {
        const string script = """
            const { buildSchema, printSchema, lexicographicSortSchema } = require('graphql');
            let input = '';
            process.stdin.on('data', chunk => input += chunk);
            process.stdin.on('end', () => {
              const { printed, source } = JSON.parse(input);
              const print = sdl => printSchema(lexicographicSortSchema(buildSchema(sdl)));
              process.stdout.write(String(print(printed) === print(source)));
            });
            """;
        var source = Library.Sdl.Replace("scalar DateTime", "scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")")
            .Replace("scalar JSON", "\"Any JSON value.\"\nscalar JSON @specifiedBy(url: \"https://www.rfc-editor.org/rfc/rfc8259\")");

        var same = await NodeTools.RunScript(script, JsonSerializer.Serialize(new { printed = Library.Schema.Print(), source }));

        Assert.Equal("true", same);
    }
}

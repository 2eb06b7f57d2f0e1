using Magma.GraphQL.Http;
using Magma.GraphQL.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Magma.GraphQL.Tests.Http;

/// <summary>An in-process web host serving the library schema at /graphql.</summary>
public sealed class GraphQLHost : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        var journal = new List<string>();
        var schema = Library.Builder(journal, ("Query.forbidden", Library.Sync(c => $"hello {c.UserContext}"))).Build();
        _app.MapGraphQL("/graphql", schema, new GraphQLHttpOptions
        {
            UserContextFactory = http => ValueTask.FromResult<object?>(http.Request.Headers["X-User"].ToString()),
        });
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}

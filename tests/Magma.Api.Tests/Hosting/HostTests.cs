using System.Net;
using System.Text.Json;
using Magma.Api.Admin;
using Magma.Lightning.Storage;
using Magma.Testing;
using Microsoft.Extensions.Configuration;

namespace Magma.Api.Tests.Hosting;

public sealed class HostTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task ReadinessReportsTheDatabaseAndTheLightningNode()
    {
        await using var app = new MagmaApp(_database);
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", body.RootElement.GetProperty("checks").GetProperty("lightning").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AGeneratedAdminTokenIsReturnedOnceAndStoredOnlyAsAHash()
    {
        await using var database = new SqliteDatabase(new SqliteOptions { ConnectionString = _database.ConnectionString, Synchronous = "NORMAL" });
        await database.Migrate(typeof(AdminToken).Assembly, "Magma.Api");
        var configuration = new ConfigurationBuilder().Build();

        var first = new AdminToken(database, configuration, TimeProvider.System);
        var token = await first.Initialize();
        var second = new AdminToken(database, configuration, TimeProvider.System);
        var again = await second.Initialize();

        Assert.NotNull(token);
        Assert.StartsWith(AdminToken.Prefix, token);
        Assert.Null(again);
        Assert.True(second.IsValid(token));
        Assert.False(second.IsValid(token + "x"));
        await using var connection = await database.OpenReadConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM host_settings";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(token, stored);
        Assert.Equal(64, stored.Length);
    }

    public void Dispose() => _database.Dispose();
}

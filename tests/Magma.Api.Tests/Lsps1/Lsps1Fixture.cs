namespace Magma.Api.Tests.Lsps1;

/// <summary>One shared host for test classes whose tests only create and read independent orders.</summary>
public sealed class Lsps1Fixture : IAsyncLifetime
{
    public Lsps1Host Host { get; private set; } = null!;

    /// <summary>A node id that is a valid curve point but no Simnet node: a client that never shows up.</summary>
    public const string AbsentNode = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    public Task InitializeAsync()
    {
        Host = new Lsps1Host(new Dictionary<string, string?> { ["Lsps1:Tokens:0"] = "coupon-2026" });
        _ = Host.App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

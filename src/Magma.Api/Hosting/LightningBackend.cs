using Magma.Lightning;
using Magma.Lightning.Simnet;

namespace Magma.Api.Hosting;

/// <summary>
/// Holds the engine's own Lightning node once start-up has resolved it. Simnet is the embedded default
/// (<c>Lightning:Backend</c> = <c>Simnet</c>); the node is the Simnet house node.
/// </summary>
public sealed class LightningBackend(IConfiguration configuration)
{
    private ILightningNode? _house;
    private ILightningNode? _sandbox;

    public string Kind { get; } = configuration["Lightning:Backend"] ?? "Simnet";

    public bool IsSimnet => string.Equals(Kind, "Simnet", StringComparison.OrdinalIgnoreCase);

    public ILightningNode House => _house ?? throw new InvalidOperationException("The Lightning backend is not initialised yet.");

    /// <summary>Simnet's house node, which every SANDBOX environment uses whatever the backend.</summary>
    public ILightningNode SandboxNode => _sandbox ?? throw new InvalidOperationException("The Lightning backend is not initialised yet.");

    public async Task Initialize(IServiceProvider services)
    {
        if (!IsSimnet)
            throw new InvalidOperationException(
                $"Lightning:Backend '{Kind}' is not available in this build. Use 'Simnet' (the embedded sandbox network).");
        var network = services.GetRequiredService<SimnetNetwork>();
        await network.Initialize();
        _sandbox = await network.HouseNode();
        _house = _sandbox;
    }
}

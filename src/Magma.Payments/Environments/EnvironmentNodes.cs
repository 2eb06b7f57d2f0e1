using Magma.Lightning;
using Magma.Payments.Data;
using Magma.Payments.Errors;

namespace Magma.Payments.Environments;

/// <summary>
/// Which Lightning node serves an environment. SANDBOX environments always run on Simnet's house node;
/// LIVE environments need a real node, which this build does not attach yet.
/// </summary>
public sealed class EnvironmentNodes(ILightningNode sandboxNode, ILightningNode? liveNode = null)
{
    public ILightningNode Sandbox => sandboxNode;

    public bool LiveAvailable => liveNode is not null;

    public ILightningNode For(EnvironmentType type) => type switch
    {
        EnvironmentType.Sandbox => sandboxNode,
        _ => liveNode ?? throw new MagmaException(PaymentErrors.LiveEnvironmentUnavailable,
            "A LIVE environment needs an attached Lightning node, and no LND node is configured in this build."),
    };
}

using Magma.Lightning.Simnet;

namespace Magma.Payments.Transactions;

/// <summary>Plays the outside world paying a sandbox invoice, so a "complete" behaviour runs the real settlement path.</summary>
public interface ISandboxPayer
{
    Task<bool> Pay(string paymentRequest);
}

public sealed class SimnetSandboxPayer(SimnetNetwork network) : ISandboxPayer
{
    public async Task<bool> Pay(string paymentRequest) =>
        (await network.PayFromExternal(paymentRequest)).Outcome != ExternalPaymentOutcome.Rejected;
}

using Magma.Market.Escrow;
using Magma.Market.Orders;
using Quartz;

namespace Magma.Market.Jobs;

/// <summary>Stateless sweeps over order state, each never running twice at once. Node events run the same code sooner.</summary>
[DisallowConcurrentExecution]
public sealed class OrderDeadlinesJob(DeadlineEnforcer deadlines) : IJob
{
    public static readonly JobKey Key = new("order-deadlines", "market");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await deadlines.Sweep(cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class OrderChainJob(ChainProgress chain) : IJob
{
    public static readonly JobKey Key = new("order-chain", "market");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await chain.Sweep(cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class OrderEscrowJob(EscrowSweep escrow) : IJob
{
    public static readonly JobKey Key = new("order-escrow", "market");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await escrow.Sweep(cancellationToken);
}

using Magma.Payments.Transactions;
using Quartz;

namespace Magma.Payments.Jobs;

/// <summary>A stateless sweep over the payments tables; never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class PaymentsSweepJob(TransactionReconciler reconciler) : IJob
{
    public static readonly JobKey Key = new("payments-sweep", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reconciler.Sweep(cancellationToken);
}

using Magma.Market.Data;
using Magma.Market.StateMachines;
using static Magma.Market.Orders.OrderStatus;
using static Magma.Market.Orders.OrderTrigger;

namespace Magma.Market.Orders;

/// <summary>
/// The one definition of every order transition, guard and entry action. A machine is built per operation
/// over the order's own <see cref="Order.Status"/>; <c>docs/order-states.md</c> is generated from it.
/// </summary>
public static class OrderStateMachine
{
    public static StateMachine<OrderStatus, OrderTrigger> For(Order order, TimeProvider time)
    {
        var machine = new StateMachine<OrderStatus, OrderTrigger>(() => order.Status, s => order.Status = s);
        DateTime Now() => time.GetUtcNow().UtcDateTime;

        machine.Configure(WaitingForSellerApproval)
            .Permit(SellerAccept, WaitingForBuyerPayment)
            .Permit(SellerReject, SellerRejected)
            .Permit(ApprovalTimeout, SellerFailedToReact)
            .Permit(BuyerCancel, BuyerRejected)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(WaitingForBuyerPayment)
            .OnEntry(_ => order.AcceptedAt ??= Now())
            .Permit(PaymentHeld, WaitingForChannelOpen)
            .Permit(PaymentTimeout, BuyerFailedToPay)
            .Permit(BuyerCancel, BuyerRejected)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(WaitingForChannelOpen)
            .OnEntry(_ => order.PaidAt ??= Now())
            .Permit(FundingBroadcast, SellerSentTransaction)
            .Permit(ChannelOpenTimeout, SellerFailedToOpenChannel)
            .Permit(HtlcDeadline, SellerFailedToOpenChannel)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(SellerSentTransaction)
            .OnEntry(_ => order.FundingBroadcastAt ??= Now())
            .Permit(FundingSeen, WaitingForOnChainConfirmation)
            .Permit(HtlcDeadline, SellerFailedToOpenChannel)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(WaitingForOnChainConfirmation)
            .PermitIf(FundingConfirmed, OnChainConfirmation, () => order.FundingConfirmations >= order.RequiredConfirmations, "confirmations >= required")
            .Permit(HtlcDeadline, SellerFailedToOpenChannel)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(OnChainConfirmation)
            .OnEntry(_ => order.ConfirmedAt ??= Now())
            .Permit(ChannelSeen, SellerOpenedChannel)
            .Permit(HtlcDeadline, SellerFailedToOpenChannel)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(SellerOpenedChannel)
            .OnEntry(_ => order.ChannelSeenAt ??= Now())
            .Permit(ChannelValid, ValidChannelOpening)
            .Permit(ChannelInvalid, InvalidChannelOpening)
            .Permit(HtlcDeadline, SellerFailedToOpenChannel)
            .Permit(AdminClose, AdminClosed);

        machine.Configure(ValidChannelOpening)
            .OnEntry(_ => order.ValidatedAt ??= Now())
            .PermitIf(MonitoringFinished, ChannelMonitoringFinished, () => !order.EscrowOpen, "escrow resolved")
            .Permit(AdminClose, AdminClosed);

        machine.Configure(ChannelMonitoringFinished).OnEntry(_ => order.FinishedAt ??= Now());
        foreach (var failure in OrderStatuses.Failures)
            machine.Configure(failure).OnEntry(_ => order.FailedAt ??= Now());
        return machine;
    }

    /// <summary>The definition alone, for the diagram and for questions such as "what may happen next".</summary>
    public static StateMachine<OrderStatus, OrderTrigger> Definition() =>
        For(new Order { Id = "", OfferId = "", BuyerAccountId = "", BuyerPubkey = "", SellerPubkey = "" }, TimeProvider.System);

    public static string ToMermaid() =>
        MermaidGraph.Format(Definition(), WaitingForSellerApproval, [ChannelMonitoringFinished, .. OrderStatuses.Failures], OrderNames.Of);
}

using Magma.Market.Data;
using Magma.Market.Orders;
using Magma.Market.StateMachines;
using Magma.Testing;

namespace Magma.Market.Tests.Orders;

public sealed class OrderStateMachineTests
{
    private static Order NewOrder(OrderStatus status = OrderStatus.WaitingForSellerApproval) =>
        new() { Id = "o", OfferId = "f", BuyerAccountId = "b", BuyerPubkey = "p", SellerPubkey = "s", Status = status, RequiredConfirmations = 3 };

    [Fact]
    public void TheDefinitionCoversAllSeventeenStatusesAndSevenPaymentStatuses()
    {
        Assert.Equal(17, Enum.GetValues<OrderStatus>().Length);
        Assert.Equal(7, Enum.GetValues<OrderPaymentStatus>().Length);
        var configured = OrderStateMachine.Definition().ConfiguredStates;
        Assert.All(Enum.GetValues<OrderStatus>(), status => Assert.Contains(status, configured));
    }

    [Fact]
    public void TheHappyPathVisitsTheNineStatusesInOrder()
    {
        var order = NewOrder();
        order.FundingConfirmations = 3;
        var machine = OrderStateMachine.For(order, new ManualTimeProvider());
        foreach (var trigger in new[] { OrderTrigger.SellerAccept, OrderTrigger.PaymentHeld, OrderTrigger.FundingBroadcast, OrderTrigger.FundingSeen,
                     OrderTrigger.FundingConfirmed, OrderTrigger.ChannelSeen, OrderTrigger.ChannelValid })
            machine.Fire(trigger);
        order.EscrowSettledAt = DateTime.UtcNow;
        machine.Fire(OrderTrigger.MonitoringFinished);

        Assert.Equal(OrderStatus.ChannelMonitoringFinished, order.Status);
        Assert.NotNull(order.AcceptedAt);
        Assert.NotNull(order.PaidAt);
        Assert.NotNull(order.ValidatedAt);
        Assert.NotNull(order.FinishedAt);
    }

    [Fact]
    public void ConfirmationsBelowTheRequirementDoNotAdvance()
    {
        var order = NewOrder(OrderStatus.WaitingForOnChainConfirmation);
        order.FundingConfirmations = 2;

        Assert.False(OrderStateMachine.For(order, TimeProvider.System).CanFire(OrderTrigger.FundingConfirmed));
    }

    [Fact]
    public void MonitoringCannotFinishWhileTheEscrowIsOpen()
    {
        var order = NewOrder(OrderStatus.ValidChannelOpening);
        order.PaidAt = DateTime.UtcNow;

        Assert.False(OrderStateMachine.For(order, TimeProvider.System).CanFire(OrderTrigger.MonitoringFinished));
    }

    [Fact]
    public void TerminalStatusesPermitNothingAndTheLegacySwapFailureIsNeverEntered()
    {
        foreach (var terminal in OrderStatuses.Failures.Append(OrderStatus.ChannelMonitoringFinished))
            Assert.Empty(OrderStateMachine.For(NewOrder(terminal), TimeProvider.System).PermittedTriggers);
        Assert.DoesNotContain(OrderStateMachine.Definition().Describe(), t => t.Rule.Destination == OrderStatus.SellerFailedToSendSwap);
    }

    [Fact]
    public void AcceptingARejectedOrderIsRefused()
    {
        Assert.Throws<InvalidTransitionException<OrderStatus, OrderTrigger>>(() =>
            OrderStateMachine.For(NewOrder(OrderStatus.SellerRejected), TimeProvider.System).Fire(OrderTrigger.SellerAccept));
    }

    [Fact]
    public void TheCheckedInDiagramIsGeneratedFromTheDefinition()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "docs", "order-states.md");
        // MAGMA_UPDATE_DOCS=1 rewrites the diagram in place (keeping the prose around it).
        if (Environment.GetEnvironmentVariable("MAGMA_UPDATE_DOCS") == "1")
            File.WriteAllText(path, OrderStateDiagramDocument.Rewrite(File.Exists(path) ? File.ReadAllText(path) : "", OrderStateDiagram.Render()));
        var document = File.ReadAllText(path).Replace("\r\n", "\n");

        Assert.True(document.Contains(OrderStateDiagram.Render()),
            "docs/order-states.md is out of date with OrderStateMachine; run the tests with MAGMA_UPDATE_DOCS=1 to regenerate it.");
    }
}

using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;

namespace Magma.Payments.Tests.Transactions;

public sealed class TransactionQueryTests : PaymentsHarness
{
    private TransactionQueries Queries => Get<TransactionQueries>();

    [Fact]
    public async Task WalletAndEnvironmentScopesAreMutuallyExclusive()
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Queries.FindMany(Admin, new ListTransactionsInput(Sandbox.Id, SandboxWallet.Id, null, null)));

        Assert.Equal("wallet_id and environment_id are mutually exclusive.", error.Message);
    }

    [Fact]
    public async Task FiltersByDirectionStatusAndAHalfOpenDateRange()
    {
        var receive = Get<ReceiveService>();
        var early = await receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1", null, null, null, null));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var boundary = Clock.GetUtcNow().UtcDateTime;
        var middle = await receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "2", null, null, null, null));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var end = Clock.GetUtcNow().UtcDateTime;
        var late = await receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "3", null, null, null, null));

        var window = await Queries.FindMany(Admin, new ListTransactionsInput(Sandbox.Id, null,
            new TransactionFilter(new DateRange(boundary, end), TransactionDirection.Receive, TransactionStatus.Pending), null));
        var sends = await Queries.FindMany(Admin, new ListTransactionsInput(Sandbox.Id, null, new TransactionFilter(null, TransactionDirection.Send, null), null));

        Assert.Equal([middle.Id], window.List.Select(t => t.Id));
        Assert.Equal(1, window.TotalCount);
        Assert.Equal(0, sends.TotalCount);
        Assert.NotEqual(early.Id, late.Id);
    }

    [Fact]
    public async Task PagesReportTheTotalCount()
    {
        for (var i = 0; i < 5; i++)
            await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1", null, null, null, null));

        var page = await Queries.FindMany(Admin, new ListTransactionsInput(null, SandboxWallet.Id, null, new Page(2, 2)));

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(2, page.List.Count);
        await Assert.ThrowsAsync<MagmaException>(() => Queries.FindMany(Admin, new ListTransactionsInput(null, SandboxWallet.Id, null, new Page(0, 0))));
        await Assert.ThrowsAsync<MagmaException>(() => Queries.FindMany(Admin, new ListTransactionsInput(null, SandboxWallet.Id, null, new Page(10, -1))));
    }

    [Fact]
    public async Task AnotherEnvironmentsTransactionIsNotFound()
    {
        var tx = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1", null, null, null, null));
        var other = await Get<Magma.Payments.Environments.EnvironmentService>().Create(Admin, "other", EnvironmentType.Sandbox);
        var outsider = new Caller.ServiceKey("key", other.Id, null, [new Permission(PermissionResource.Payments, PermissionLevel.Write)]);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Queries.FindOne(outsider, tx.Id));
        var list = await Queries.FindMany(outsider, new ListTransactionsInput(null, null, null, null));

        Assert.Equal(ErrorKind.NotFound, error.Error.Kind);
        Assert.Equal(0, list.TotalCount);
        await Assert.ThrowsAsync<MagmaException>(() => Queries.FindMany(outsider, new ListTransactionsInput(Sandbox.Id, null, null, null)));
    }
}

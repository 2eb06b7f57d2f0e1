namespace Magma.Payments.Tests.Webhooks;

/// <summary>A test class with a fresh <see cref="WebhookTestHost"/> per test, holding one sandbox environment and wallet.</summary>
public abstract class WebhookHostTest : IAsyncLifetime
{
    protected WebhookTestHost Host { get; private set; } = null!;

    protected string EnvironmentId { get; private set; } = null!;

    protected string WalletId { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Host = await WebhookTestHost.Create();
        (EnvironmentId, WalletId) = await Host.Environment();
    }

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();
}

namespace Magma.Payments.Data;

public enum EnvironmentType { Sandbox, Live }

/// <summary>A container for wallets, API keys and webhook endpoints. SANDBOX runs on Simnet; LIVE needs a real node.</summary>
public sealed class PaymentsEnvironment
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public EnvironmentType Type { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
}

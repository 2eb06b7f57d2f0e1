using System.Text.Json;
using Magma.Payments.Data;
using Magma.Payments.Errors;

namespace Magma.Payments.Transactions;

public enum SandboxOutcome { Complete, Fail, Expire }

/// <summary>
/// <c>metadata.amb_sandbox_behavior</c>: how a sandbox transaction ends. <c>complete</c> and <c>fail</c> happen
/// after a short delay; <c>expire</c>, the default, lets a receive expire at its expiry time.
/// </summary>
public static class SandboxBehavior
{
    public const string MetadataKey = "amb_sandbox_behavior";

    /// <summary>The requested outcome, or null when the metadata names none. LIVE environments ignore the key.</summary>
    public static SandboxOutcome? From(string? metadata, EnvironmentType environment)
    {
        if (metadata is null || environment != EnvironmentType.Sandbox)
            return null;
        using var document = JsonDocument.Parse(metadata);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(MetadataKey, out var value))
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() switch
        {
            "complete" => SandboxOutcome.Complete,
            "fail" => SandboxOutcome.Fail,
            "expire" => SandboxOutcome.Expire,
            _ => throw Invalid(),
        } : throw Invalid();
    }

    private static MagmaException Invalid() =>
        PaymentErrors.Invalid($"metadata.{MetadataKey} must be one of complete, fail or expire.", "metadata");
}

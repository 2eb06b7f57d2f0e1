using Microsoft.Extensions.Options;

namespace Magma.Api.Hosting;

/// <summary>Names every malformed key and value at start-up, rather than ignoring a proxy that was mistyped.</summary>
public sealed class TrustedProxiesValidation : IValidateOptions<TrustedProxiesOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxiesOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
            if (!TrustedProxiesOptions.TryParseAddress(options.KnownProxies[i], out _))
                failures.Add($"{TrustedProxiesOptions.Section}:KnownProxies:{i} '{options.KnownProxies[i]}' is not an IP address such as 10.0.0.5 or fd00::5");
        for (var i = 0; i < options.KnownNetworks.Count; i++)
            if (!TrustedProxiesOptions.TryParseNetwork(options.KnownNetworks[i], out _))
                failures.Add($"{TrustedProxiesOptions.Section}:KnownNetworks:{i} '{options.KnownNetworks[i]}' is not a CIDR network such as 10.0.0.0/8 or fd00::/8 (no bits may be set past the prefix length)");
        if (options.ForwardLimit < 1)
            failures.Add($"{TrustedProxiesOptions.Section}:ForwardLimit '{options.ForwardLimit}' must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

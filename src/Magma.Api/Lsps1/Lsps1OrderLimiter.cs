using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Magma.Market.Lsps1;
using Microsoft.Extensions.Options;

namespace Magma.Api.Lsps1;

/// <summary>
/// create_order's per-address budget (<c>Lsps1:RateLimit</c>), one fixed window per client address (per /64 for IPv6) (behind a listed
/// proxy, the address it forwarded: see <see cref="Hosting.TrustedProxies"/>), shared by the REST
/// routes and JSON-RPC's <c>lsps1.create_order</c>. It is taken in the handlers rather than as endpoint middleware
/// because the JSON-RPC route carries get_info and get_order too, and only its body says which method a call is:
/// polling an order must not spend the budget for creating one.
/// </summary>
public sealed class Lsps1OrderLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public Lsps1OrderLimiter(IOptions<Lsps1Options> options)
    {
        var limits = options.Value.RateLimit;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
    }

    public const string RejectionMessage = "Too many orders from this address; try again later.";

    /// <summary>Spends one create_order from the caller's address; false when it is used up, with the seconds to wait.</summary>
    public bool TryTake(HttpContext context, out int? retryAfterSeconds)
    {
        using var lease = _limiter.AttemptAcquire(ClientKey(context.Connection.RemoteIpAddress));
        retryAfterSeconds = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : null;
        return lease.IsAcquired;
    }

    /// <summary>
    /// The budget's key: an IPv4 address, or an IPv6 address's /64. One IPv6 subscriber usually holds a whole /64 and
    /// can pick any address in it, so a per-address budget would be a fresh budget per request.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>REST's answer to a spent budget: 429, <c>Retry-After</c>, and the LSPS1 error body with code 001.</summary>
    public static IResult TooManyRequests(int? retryAfterSeconds) => new Rejection(retryAfterSeconds);

    public void Dispose() => _limiter.Dispose();

    private sealed class Rejection(int? retryAfterSeconds) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.ContentType = Lsps1Http.JsonContentType;
            if (retryAfterSeconds is { } seconds)
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await response.Body.WriteAsync(Lsps1Json.Error(new Lsps1Exception(Lsps1Codes.ClientRejected, RejectionMessage)), httpContext.RequestAborted);
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Api.Tests.Hosting;

/// <summary>
/// TestServer gives requests no remote address at all, and ForwardedHeadersMiddleware trusts the first hop of a
/// request without one. These tests need a real peer, so every request is made to come from <paramref name="address"/>,
/// before Magma's own pipeline runs, as a connection from that address would.
/// </summary>
public sealed class PeerAddress(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            context.Connection.RemoteIpAddress = address;
            return rest(context);
        });
        next(app);
    };

    /// <summary>The app, with every request coming from <paramref name="address"/>; disposing <paramref name="app"/> disposes it.</summary>
    public static WebApplicationFactory<Program> From(MagmaApp app, string address) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(address)))));
}

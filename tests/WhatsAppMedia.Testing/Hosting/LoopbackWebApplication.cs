using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WhatsAppMedia.Testing.Hosting;

/// <summary>
/// The real HTTP server behind a test's stand-in: a slim web application that logs nothing and listens on a free port
/// of 127.0.0.1 (port 0, so parallel tests never collide), and, once started, the address it was given.
/// </summary>
public static class LoopbackWebApplication
{
    /// <summary>A builder for the stand-in; add its services, build, map its routes, start it.</summary>
    /// <param name="listen">How the one endpoint listens, for example with HTTPS or HTTP/2 only; by default Kestrel's own (plain HTTP).</param>
    public static WebApplicationBuilder CreateBuilder(Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen ?? (_ => { })));
        return builder;
    }

    /// <summary>The started <paramref name="app"/>'s root with one trailing slash, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public static Uri BaseAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.TrimEnd('/') + "/");
    }
}

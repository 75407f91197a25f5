using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.Sandbox;

/// <summary>Where the sandbox is reachable, for the URLs its imitations hand out (download URLs on its own host).</summary>
internal static class SandboxAddress
{
    /// <summary>
    /// The root of the imitation under <paramref name="prefix"/>, from the address the server actually bound (not the
    /// request's <c>Host</c>), for example <c>http://127.0.0.1:7080/meta</c>.
    /// </summary>
    public static string ImitationRoot(HttpContext context, string prefix)
    {
        var address = context.RequestServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.TrimEnd('/') + "/" + prefix;
    }
}

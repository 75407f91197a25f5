using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// One provider's API imitated strictly: what the real provider refuses, this refuses, with the provider's own bodies.
/// The sandbox server records each request and applies generic faults before the imitation sees it.
/// </summary>
internal interface IProviderImitation
{
    ProviderKind Kind { get; }

    /// <summary>The first path segment the imitation lives under, for example <c>meta</c>.</summary>
    string Prefix { get; }

    /// <summary>Maps the provider's routes; <paramref name="routes"/> is already scoped to <see cref="Prefix"/>.</summary>
    void Map(IEndpointRouteBuilder routes);

    /// <summary>What <paramref name="request"/> asks for, so a fault meant for metadata or a download waits for one (<see cref="SandboxFaultKinds.LandsOn"/>).</summary>
    SandboxRequestKind Classify(HttpRequest request) => SandboxRequestKind.Other;

    /// <summary>Writes the provider's own answer for a throttle, server-error or credential fault, or one of its own refusals.</summary>
    Task WriteFaultAsync(HttpContext context, SandboxFault fault);

    /// <summary>Makes a fresh media id in the provider's own format.</summary>
    string NewMediaId();
}

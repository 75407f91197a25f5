using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// One provider's API imitated strictly: what the real provider refuses, this refuses, with the provider's own bodies.
/// The sandbox server records each request and applies generic faults before the imitation sees it. Registered, with
/// its settings, accounts and demo media, by <see cref="ISandboxImitation{TSelf}"/> and its <see cref="ProviderKind"/> value.
/// </summary>
internal interface IProviderImitation
{
    /// <summary>Which provider this imitates; its wire name (<see cref="ProviderKindNames.ToName"/>) is the first path segment it lives under, for example <c>meta</c>.</summary>
    ProviderKind Kind { get; }

    /// <summary>Maps the provider's routes; <paramref name="routes"/> is already scoped to the imitation's path prefix.</summary>
    void Map(IEndpointRouteBuilder routes);

    /// <summary>What <paramref name="request"/> asks for, so a fault meant for metadata or a download waits for one (<see cref="SandboxFaultKinds.LandsOn"/>).</summary>
    SandboxRequestKind Classify(HttpRequest request) => SandboxRequestKind.Other;

    /// <summary>Writes the provider's own answer for a throttle, server-error or credential fault, or one of its own refusals.</summary>
    Task WriteFaultAsync(HttpContext context, SandboxFault fault);

    /// <summary>Makes a fresh media id in the provider's own format.</summary>
    string NewMediaId();
}

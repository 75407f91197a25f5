using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// Which providers offer each fault kind and which requests it lands on: one rule for the control API, for in-process
/// injection and for the server taking a fault for a request.
/// </summary>
public static class SandboxFaultKinds
{
    /// <summary>The kind of request <paramref name="kind"/> lands on, or null for any request.</summary>
    public static SandboxRequestKind? Target(SandboxFaultKind kind) => kind switch
    {
        SandboxFaultKind.WrongSha256 or SandboxFaultKind.WrongFileSize or SandboxFaultKind.FileSizeAsNumber => SandboxRequestKind.Metadata,
        SandboxFaultKind.TruncateDownload or SandboxFaultKind.StallDownload or SandboxFaultKind.ExpireDownload or SandboxFaultKind.RefuseDownloadToken
            or SandboxFaultKind.RedirectDownload => SandboxRequestKind.Download,
        _ => null,
    };

    /// <summary>Whether <paramref name="provider"/>'s imitation can give <paramref name="kind"/>: the metadata and download faults are Meta's only, because only Meta declares a hash and serves the bytes.</summary>
    public static bool IsOfferedBy(SandboxFaultKind kind, ProviderKind provider) => Target(kind) is null || provider == ProviderKind.Meta;

    /// <summary>
    /// Whether <paramref name="kind"/> bends the imitation's own answer (a metadata answer that lies, a download cut
    /// short) rather than replacing it, so the server hands it to the endpoint instead of answering itself.
    /// </summary>
    public static bool BendsAnswer(SandboxFaultKind kind) => kind is SandboxFaultKind.WrongSha256 or SandboxFaultKind.WrongFileSize
        or SandboxFaultKind.FileSizeAsNumber or SandboxFaultKind.TruncateDownload or SandboxFaultKind.StallDownload;

    /// <summary>Whether a fault of <paramref name="kind"/> may be taken by a request of <paramref name="request"/> kind.</summary>
    public static bool LandsOn(SandboxFaultKind kind, SandboxRequestKind request) => Target(kind) is not { } target || target == request;
}

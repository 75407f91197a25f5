using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// Where the tenant's token may be sent to fetch a media file (<c>/content</c>, docs/providers/meta.md): an absolute URL whose
/// host is one of <c>Providers:Meta:MediaDownloadHosts</c>, compared exactly (DNS names case-insensitively, no suffix
/// matching), over https, or over plain http only when that listed host is a loopback address (the sandboxes), and
/// without userinfo. The URL comes from the provider's answer, so it is checked as untrusted input before anything is
/// sent: a provider answer, a proxy or a bug must never be able to point the token at another host.
/// </summary>
internal static class MediaDownloadUrlPolicy
{
    /// <summary>
    /// Null when <paramref name="url"/> may receive the token, otherwise why not. The reason names the host at most,
    /// never the URL's path or query.
    /// </summary>
    public static string? Problem(string? url, IReadOnlyList<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "The provider gave no absolute download URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "The provider's download URL is neither https nor http.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The provider's download URL carries userinfo; the token is not sent to it.";
        }

        var host = uri.IdnHost;
        if (!allowedHosts.Any(allowed => string.Equals(Bare(allowed), host, StringComparison.OrdinalIgnoreCase)))
        {
            return $"The provider's download URL points at host '{host}', which is not listed in Providers:Meta:MediaDownloadHosts; nothing was sent there.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !EndpointPolicy.IsLoopback(uri))
        {
            return $"The provider's download URL on '{host}' is plain http; the token goes over https only (http only to a loopback address).";
        }

        return null;
    }

    /// <summary>An IPv6 entry may be written with or without brackets; <see cref="Uri.IdnHost"/> has none.</summary>
    private static string Bare(string allowed) => allowed.Trim().TrimStart('[').TrimEnd(']');
}

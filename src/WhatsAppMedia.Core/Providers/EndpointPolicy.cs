using System.Net;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Where the service sends credentials: absolute URLs without userinfo, query or fragment, over https. Plain http is
/// allowed to loopback addresses, where the sandboxes live, except where <see cref="IsHttpsEndpoint"/> is asked for
/// (the Key Vault URI, which Azure.Security.KeyVault.Secrets only ever reaches over TLS). The one statement of the
/// rule for provider base URLs, the vault URI and the CLI's <c>--vault</c>.
/// </summary>
public static class EndpointPolicy
{
    /// <summary>An absolute https URL without userinfo, query or fragment, or the same over http to a loopback address.</summary>
    public static bool IsAllowed(Uri uri) =>
        IsBare(uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    /// <summary>
    /// The one message for a provider base URL that breaks <see cref="IsAllowed"/> (or is missing), naming the setting,
    /// never its value; null when the URL is acceptable. Every provider's options validator reports through here.
    /// </summary>
    /// <param name="key">The setting, for example <c>Providers:Meta:BaseUrl</c>.</param>
    public static string? Problem(string key, Uri? uri) =>
        uri is not null && IsAllowed(uri)
            ? null
            : $"{key} must be an absolute https URL without query or credentials (http only for loopback addresses).";

    /// <summary>
    /// <paramref name="uri"/> with exactly one trailing slash, so a relative operation path appends to its whole path
    /// (<c>new Uri(new Uri("http://h/meta"), "v1")</c> would drop the <c>meta</c> segment).
    /// </summary>
    public static Uri AsBaseAddress(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/", UriKind.Absolute);
    }

    /// <summary>An absolute https URL without userinfo, query or fragment.</summary>
    public static bool IsHttpsEndpoint(Uri uri) => IsBare(uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static bool IsBare(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
    }

    /// <summary>Whether the URL's host is a loopback address (or <c>localhost</c>), where plain http may go.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}

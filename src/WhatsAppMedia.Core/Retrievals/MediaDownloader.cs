using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;

namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// Opens the download of a media file from the URL a provider's metadata gave (<c>/content</c>, docs/providers/meta.md), sending
/// the tenant's bearer token only where <see cref="MediaDownloadUrlPolicy"/> allows, and checks everything that can be
/// checked before a byte is streamed: the URL, the declared size against <c>Providers:Meta:MaxDownloadBytes</c>, the
/// form of the declared SHA-256, the answer's status, length and encoding. The body is left unread for
/// <see cref="MediaContentResult"/> to stream. One attempt, no retries: the caller decides whether a fresh URL is worth
/// one more (<see cref="MediaDownloadOpening.FreshUrlMayHelp"/>).
/// </summary>
/// <remarks>
/// The typed client's handler follows no redirects (it would carry the token to a host nobody checked); this class
/// follows up to <see cref="MaxRedirects"/> itself, each target checked by <see cref="MediaDownloadUrlPolicy"/> first,
/// and refuses one to an unlisted host without sending anything there. It asks for
/// no compression, so the bytes hashed are the file's own bytes. Its own timeout is off: the wait for the answer's
/// headers is <c>Providers:Retry:AttemptTimeout</c> here, and the body, which may take minutes for 100 MB, is bounded
/// per read by the same value in <see cref="MediaContentResult"/>.
/// </remarks>
internal sealed class MediaDownloader(HttpClient httpClient, IOptions<MetaOptions> options, IOptions<ProviderRetryOptions> retry, TimeProvider timeProvider)
{
    /// <summary>The MIME type sent when the provider's is not a valid media type.</summary>
    public const string FallbackContentType = "application/octet-stream";

    /// <summary>
    /// The primary handler of the typed client: no redirects, no decompression (and so no <c>Accept-Encoding</c>
    /// sent), connections recycled like the provider clients'.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>Opens the download of <paramref name="metadata"/>'s URL with <paramref name="accessToken"/> as the bearer token.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the caller went away).</exception>
    internal async Task<MediaDownloadOpening> OpenAsync(MediaMetadata metadata, string accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var meta = options.Value;
        if (MediaDownloadUrlPolicy.Problem(metadata.Url, meta.DownloadHosts) is { } refusal)
        {
            return Rejected(refusal);
        }

        if (metadata.FileSize is { } declared && (declared < 0 || declared > meta.MaxDownloadBytes))
        {
            return Rejected($"The provider declares a file of {declared} bytes; /content streams at most {meta.MaxDownloadBytes} (Providers:Meta:MaxDownloadBytes).");
        }

        string? sha256 = null;
        if (metadata.Sha256 is { } declaredHash)
        {
            if (declaredHash.Length != 64 || !declaredHash.All(char.IsAsciiHexDigit))
            {
                return Rejected("The provider's sha256 is not 64 hexadecimal digits, so the file's bytes could not be checked.");
            }

            sha256 = declaredHash.ToLowerInvariant();
        }

        var attemptTimeout = retry.Value.AttemptTimeout;
        using var headersTimeout = new CancellationTokenSource(attemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, headersTimeout.Token);
        var url = new Uri(metadata.Url!, UriKind.Absolute);
        HttpResponseMessage response;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            try
            {
                response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            }
            catch (OperationCanceledException) when (headersTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return MediaDownloadOpening.Failed(new ProviderAnswer(
                    ProviderOutcome.TimedOut, ProviderMessage: $"The download did not start within {attemptTimeout.TotalMilliseconds:0} ms."));
            }
            catch (HttpRequestException exception)
            {
                // The exception's message can hold the URL; say only what kind of failure it was.
                return MediaDownloadOpening.Failed(new ProviderAnswer(
                    ProviderOutcome.Transient, ProviderCode: exception.HttpRequestError.ToString(), ProviderMessage: "The download request failed before an answer arrived."));
            }

            if (!IsRedirect(response.StatusCode))
            {
                break;
            }

            // The handler follows no redirect itself: each target must pass the same allow-list before the token goes there.
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.Headers.Location is not { } location)
                {
                    return Rejected($"The provider answered the download with HTTP {status} and no Location.");
                }

                if (redirects == MaxRedirects)
                {
                    return Rejected($"The provider redirected the download more than {MaxRedirects} times.");
                }

                var target = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (MediaDownloadUrlPolicy.Problem(target.AbsoluteUri, meta.DownloadHosts) is { } redirectRefusal)
                {
                    return Rejected($"The provider redirected the download (HTTP {status}): {redirectRefusal.Replace("The provider's download URL", "the redirect", StringComparison.Ordinal)}");
                }

                url = target;
            }
        }

        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            using (response)
            {
                return await RefusalAsync(response, accessToken, linked.Token);
            }
        }

        var problem = HeaderProblem(response, metadata.FileSize, meta.MaxDownloadBytes);
        if (problem is not null)
        {
            response.Dispose();
            return Rejected(problem);
        }

        return MediaDownloadOpening.Opened(new OpenMediaDownload(
            response,
            ContentTypeFor(metadata.MimeType),
            metadata.FileSize ?? response.Content.Headers.ContentLength,
            sha256,
            meta.MaxDownloadBytes,
            attemptTimeout));
    }

    /// <summary>Redirects followed, each one checked against the allow-list, before the download counts as refused.</summary>
    public const int MaxRedirects = 3;

    private static bool IsRedirect(System.Net.HttpStatusCode status) =>
        (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>A valid media type as the provider wrote it (normalised), else <see cref="FallbackContentType"/>.</summary>
    public static string ContentTypeFor(string? mimeType) =>
        MediaTypeHeaderValue.TryParse(mimeType, out var parsed) && parsed.MediaType is { } type && type.Contains('/', StringComparison.Ordinal)
            ? parsed.ToString()
            : FallbackContentType;

    /// <summary>What in a 200 answer's headers rules out streaming it, or null.</summary>
    private static string? HeaderProblem(HttpResponseMessage response, long? declared, long maxBytes)
    {
        var headers = response.Content.Headers;
        if (headers.ContentEncoding.Any(encoding => !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            return "The provider sent the file with a Content-Encoding although none was asked for, so its bytes are not the file's.";
        }

        if (headers.ContentLength is { } sent)
        {
            if (declared is { } size && sent != size)
            {
                return $"The provider's download is {sent} bytes long but its metadata declares {size}.";
            }

            if (sent > maxBytes)
            {
                return $"The provider's download is {sent} bytes long; /content streams at most {maxBytes} (Providers:Meta:MaxDownloadBytes).";
            }
        }

        return null;
    }

    private async Task<MediaDownloadOpening> RefusalAsync(HttpResponseMessage response, string accessToken, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? message;
        try
        {
            message = ProviderAnswer.Trim(SecretText.Redact(await ProviderResponseBody.ReadAsync(response.Content, cancellationToken), accessToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            message = null;
        }

        // The provider's code slot names the step, so a problem detail says the download URL refused, not the metadata call.
        const string code = "download";
        return status switch
        {
            // Meta refuses an expired URL with 401 or 404 (docs/providers/meta.md, "Download"); a fresh URL from the metadata may pass.
            401 or 403 => MediaDownloadOpening.Failed(new ProviderAnswer(ProviderOutcome.CredentialsRefused, status, code, message), freshUrlMayHelp: true),
            404 or 410 => MediaDownloadOpening.Failed(new ProviderAnswer(ProviderOutcome.NotFound, status, code, message), freshUrlMayHelp: true),
            429 => MediaDownloadOpening.Failed(new ProviderAnswer(ProviderOutcome.Throttled, status, code, message, RetryAfter.From(response, timeProvider))),
            408 or >= 500 => MediaDownloadOpening.Failed(new ProviderAnswer(ProviderOutcome.Transient, status, code, message)),
            _ => MediaDownloadOpening.Failed(new ProviderAnswer(ProviderOutcome.Rejected, status, code, message ?? $"The provider answered the download with HTTP {status}.")),
        };
    }

    private static MediaDownloadOpening Rejected(string reason) =>
        MediaDownloadOpening.Failed(new ProviderAnswer(ProviderOutcome.Rejected, ProviderMessage: reason));
}

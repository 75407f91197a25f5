using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Deletes media through Meta's WhatsApp Cloud API:
/// <c>DELETE {BaseUrl}/{graphVersion}/{mediaId}[?phone_number_id={phone}]</c> with <c>Authorization: Bearer</c>
/// set on each request, never on the shared client. <c>{BaseUrl}</c> is the client's <see cref="HttpClient.BaseAddress"/>,
/// set once from the validated <see cref="MetaOptions.BaseUrl"/> when the typed client is registered. The Graph version is
/// the tenant's, else <see cref="MetaOptions.GraphVersion"/>. Answers are read by <see cref="MetaAnswerClassifier"/>.
/// Retrieves metadata with <c>GET</c> on the same URL (<see cref="MetaMediaMetadata"/>); its <c>url</c> takes the same
/// bearer token (<see cref="ContentBearerToken"/>).
/// </summary>
internal sealed class MetaMediaProvider(HttpClient httpClient, IOptions<MetaOptions> options, TimeProvider timeProvider) : IMediaProvider, IMediaMetadataProvider
{
    /// <summary>The header in which the Graph API names each request.</summary>
    public const string TraceIdHeader = "x-fb-trace-id";

    public string Provider => MetaProviderDefinition.ProviderName;

    public IdentifierError? Validate(MediaTarget target) => MetaIdentifiers.Check(target);

    public async Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var (status, body, retryAfter, token, traceId) = await SendAsync(HttpMethod.Delete, target, credentials, cancellationToken);
        var answer = Redacted(MetaAnswerClassifier.Classify(status, body, retryAfter), token);
        return answer with { RequestId = traceId ?? answer.RequestId };
    }

    public async Task<MetadataAnswer> SendGetMetadataAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var (status, body, retryAfter, token, _) = await SendAsync(HttpMethod.Get, target, credentials, cancellationToken);
        if (status is >= 200 and < 300)
        {
            // A 2xx that is not the metadata is Meta's fault or a proxy's, and may pass: as for an unconfirmed delete.
            return MetaMediaMetadata.TryRead(body) is { } metadata
                ? MetadataAnswer.Found(metadata)
                : MetadataAnswer.Failed(new ProviderAnswer(ProviderOutcome.Transient, status, ProviderMessage: "Meta answered without the media's url and mime_type."));
        }

        return MetadataAnswer.Failed(Redacted(MetaAnswerClassifier.Classify(status, body, retryAfter), token));
    }

    public string? ContentBearerToken(ProviderCredentials credentials) =>
        credentials is MetaCredentials meta ? meta.AccessToken : throw new ArgumentException("These credentials are not Meta's.", nameof(credentials));

    /// <summary>One request on the media's URL with the tenant's bearer token: the answer's status, body (bounded), Retry-After and trace id.</summary>
    private async Task<(int Status, string Body, TimeSpan? RetryAfter, string Token, string? TraceId)> SendAsync(
        HttpMethod method, MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken)
    {
        var meta = ProviderArguments.Check<MetaCredentials>(this, target, credentials);

        using var request = new HttpRequestMessage(method, BuildUri(GraphVersionFor(meta), target));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", meta.AccessToken);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ProviderResponseBody.ReadAsync(response.Content, cancellationToken);
        // Retry-After when Meta sends one; else the wait its usage headers estimate, so every instance holds back that long.
        return ((int)response.StatusCode, body, RetryAfter.From(response, timeProvider) ?? MetaUsageHeaders.RegainAccessIn(response), meta.AccessToken, ProviderRequestId.From(response, TraceIdHeader));
    }

    /// <summary>Scrubs the token from anything Meta echoed.</summary>
    private static ProviderAnswer Redacted(ProviderAnswer answer, string token) =>
        answer with { ProviderMessage = SecretText.Redact(answer.ProviderMessage, token) };

    private string GraphVersionFor(MetaCredentials credentials)
    {
        // The tenant's version passed MetaCredentials.Problem in ProviderArguments.Check; the configured one, MetaOptionsValidator at start.
        return credentials.GraphVersion ?? options.Value.GraphVersion;
    }

    private static Uri BuildUri(string graphVersion, MediaTarget target)
    {
        // Relative to the client's BaseAddress. Both ids are validated digits; escaping them anyway keeps the URL safe
        // should the formats ever widen.
        var path = $"{Uri.EscapeDataString(graphVersion)}/{Uri.EscapeDataString(target.MediaId)}";
        return new Uri(target.Phone is null ? path : $"{path}?phone_number_id={Uri.EscapeDataString(target.Phone)}", UriKind.Relative);
    }
}

using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Deletes media through Meta's WhatsApp Cloud API:
/// <c>DELETE {BaseUrl}/{graphVersion}/{mediaId}[?phone_number_id={phone}]</c> with <c>Authorization: Bearer</c>
/// set on each request, never on the shared client. The Graph version is the tenant's, else
/// <c>Providers:Meta:GraphVersion</c>. Answers are read by <see cref="MetaAnswerClassifier"/>.
/// </summary>
public sealed class MetaMediaProvider(HttpClient httpClient, IOptions<ProvidersOptions> options, TimeProvider timeProvider) : IMediaProvider
{
    public ProviderKind Kind => ProviderKind.Meta;

    public IdentifierError? Validate(MediaDeletionTarget target) => MetaIdentifiers.Check(target);

    public async Task<ProviderAnswer> SendDeleteAsync(MediaDeletionTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var meta = ProviderArguments.Check<MetaCredentials>(this, target, credentials);

        using var request = new HttpRequestMessage(HttpMethod.Delete, BuildUri(GraphVersionFor(meta), target));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", meta.AccessToken);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ProviderResponseBody.ReadAsync(response.Content, cancellationToken);
        var answer = MetaAnswerClassifier.Classify((int)response.StatusCode, body, RetryAfter.From(response, timeProvider));
        return answer with { ProviderMessage = SecretText.Redact(answer.ProviderMessage, meta.AccessToken) };
    }

    private string GraphVersionFor(MetaCredentials credentials)
    {
        // The tenant's version passed MetaCredentials.Problem in ProviderArguments.Check.
        if (credentials.GraphVersion is { } tenantVersion)
        {
            return tenantVersion;
        }

        var configured = options.Value.Meta.GraphVersion;
        return MetaIdentifiers.IsGraphVersion(configured)
            ? configured
            : throw new InvalidOperationException("Providers:Meta:GraphVersion must look like 'v23.0'.");
    }

    private Uri BuildUri(string graphVersion, MediaDeletionTarget target)
    {
        var baseUrl = options.Value.Meta.BaseUrl;
        if (baseUrl is null || !EndpointPolicy.IsAllowed(baseUrl))
        {
            throw new InvalidOperationException("Providers:Meta:BaseUrl must be an absolute https URL without query or credentials (http only for loopback addresses).");
        }

        // Both ids are validated digits; escaping them anyway keeps the URL safe should the formats ever widen.
        var path = $"{baseUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(graphVersion)}/{Uri.EscapeDataString(target.MediaId)}";
        return new Uri(target.Phone is null ? path : $"{path}?phone_number_id={Uri.EscapeDataString(target.Phone)}", UriKind.Absolute);
    }
}

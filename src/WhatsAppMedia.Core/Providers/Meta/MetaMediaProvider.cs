using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Deletes media through Meta's WhatsApp Cloud API:
/// <c>DELETE {BaseUrl}/{graphVersion}/{mediaId}[?phone_number_id={phone}]</c> with <c>Authorization: Bearer</c>
/// set on each request, never on the shared client. <c>{BaseUrl}</c> is the client's <see cref="HttpClient.BaseAddress"/>,
/// set once from the validated <see cref="MetaOptions.BaseUrl"/> when the typed client is registered. The Graph version is
/// the tenant's, else <see cref="MetaOptions.GraphVersion"/>. Answers are read by <see cref="MetaAnswerClassifier"/>.
/// </summary>
internal sealed class MetaMediaProvider(HttpClient httpClient, IOptions<MetaOptions> options, TimeProvider timeProvider) : IMediaProvider
{
    public string Provider => MetaProviderDefinition.ProviderName;

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
        // The tenant's version passed MetaCredentials.Problem in ProviderArguments.Check; the configured one, MetaOptionsValidator at start.
        return credentials.GraphVersion ?? options.Value.GraphVersion;
    }

    private static Uri BuildUri(string graphVersion, MediaDeletionTarget target)
    {
        // Relative to the client's BaseAddress. Both ids are validated digits; escaping them anyway keeps the URL safe
        // should the formats ever widen.
        var path = $"{Uri.EscapeDataString(graphVersion)}/{Uri.EscapeDataString(target.MediaId)}";
        return new Uri(target.Phone is null ? path : $"{path}?phone_number_id={Uri.EscapeDataString(target.Phone)}", UriKind.Relative);
    }
}

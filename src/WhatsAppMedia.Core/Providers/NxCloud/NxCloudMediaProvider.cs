using System.Globalization;
using System.Net.Http.Headers;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// Deletes media through NxCloud's <c>POST {base}/api/wa/deleteMedia</c> and reads its metadata through
/// <c>POST {base}/api/wa/getMedia</c> (same body and signing; nxtele/nxcloud-doc-en wiki). Every call builds a fresh request with a
/// new <c>ts</c> and <c>sign</c>, so a retry is never refused as a replay or for an expired timestamp.
/// </summary>
/// <remarks>
/// <c>business_phone</c> is required and must be plain digits with the country code. A leading '+' is refused
/// rather than stripped: identifiers are validated as given and never rewritten, so what is logged is what was sent.
/// <para>The base URL is the client's <see cref="HttpClient.BaseAddress"/>, set once from the validated
/// <see cref="NxCloudOptions.BaseUrl"/> when the typed client is registered.</para>
/// </remarks>
internal sealed class NxCloudMediaProvider(HttpClient httpClient, TimeProvider timeProvider) : IMediaProvider, IMediaMetadataProvider
{
    public string Provider => NxCloudProviderDefinition.ProviderName;

    public IdentifierError? Validate(MediaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!NxCloudIdentifiers.IsMediaId(target.MediaId))
        {
            return new IdentifierError(
                ErrorCodes.InvalidMediaId,
                $"An NxCloud media id is 1–{NxCloudIdentifiers.MaxMediaIdLength} characters of ASCII letters, digits and '-'.");
        }

        return NxCloudIdentifiers.CheckBusinessPhone(target.Phone);
    }

    public async Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var (status, body, retryAfter) = await SendAsync(NxCloudProtocol.DeleteMediaPath, NxCloudProtocol.DeleteMediaAction, target, credentials, cancellationToken);
        return NxCloudAnswerReader.Classify(status, body, retryAfter);
    }

    public async Task<MetadataAnswer> SendGetMetadataAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var (status, body, retryAfter) = await SendAsync(NxCloudProtocol.GetMediaPath, NxCloudProtocol.GetMediaAction, target, credentials, cancellationToken);
        if (status is >= 200 and < 300 && NxCloudMediaMetadata.TryRead(body) is { } metadata)
        {
            return MetadataAnswer.Found(metadata);
        }

        var answer = NxCloudAnswerReader.Classify(status, body, retryAfter);

        // code 0 without the metadata (deleteMedia's success shape included): NxCloud said yes without saying what; as an
        // unconfirmed delete, it may pass. A metadata call never ends "deleted", which has no answer of its own here.
        return MetadataAnswer.Failed(answer.Outcome == ProviderOutcome.Deleted || (answer.Outcome == ProviderOutcome.Rejected && answer.ProviderCode == "0")
            ? new ProviderAnswer(ProviderOutcome.Transient, status, answer.ProviderCode, "code 0 without data.mime_type and data.url")
            : answer);
    }

    /// <summary>
    /// NxCloud's <c>url</c> points at its own file storage, not at an API that takes the tenant's credentials, so the
    /// service has nothing to add to it: <c>/content</c> is not offered (501), and callers fetch the metadata's URL.
    /// </summary>
    public string? ContentBearerToken(ProviderCredentials credentials) => null;

    /// <summary>One signed call: a fresh <c>ts</c> and <c>sign</c> over the exact body bytes sent.</summary>
    private async Task<(int Status, string Body, TimeSpan? RetryAfter)> SendAsync(
        string path, string action, MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken)
    {
        var nxCloud = ProviderArguments.Check<NxCloudCredentials>(this, target, credentials);

        var body = NxCloudDeleteMediaBody.Serialize(target.Phone!, target.MediaId);
        var ts = timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = NxCloudSigner.Sign(nxCloud.AccessKey, action, NxCloudProtocol.WhatsAppBizType, ts, body, nxCloud.AccessSecret);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(NxCloudProtocol.JsonMediaType);
        request.Headers.Add(NxCloudProtocol.AccessKeyHeader, nxCloud.AccessKey);
        request.Headers.Add(NxCloudProtocol.TimestampHeader, ts);
        request.Headers.Add(NxCloudProtocol.BizTypeHeader, NxCloudProtocol.WhatsAppBizType);
        request.Headers.Add(NxCloudProtocol.ActionHeader, action);
        request.Headers.Add(NxCloudProtocol.SignHeader, sign);

        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var answer = await ProviderResponseBody.ReadAsync(response.Content, cancellationToken);
        return ((int)response.StatusCode, answer, RetryAfter.From(response, timeProvider));
    }
}

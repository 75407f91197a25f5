using System.Globalization;
using System.Net.Http.Headers;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// Deletes media through NxCloud's <c>POST {base}/api/wa/deleteMedia</c>. Every call builds a fresh request with a
/// new <c>ts</c> and <c>sign</c>, so a retry is never refused as a replay or for an expired timestamp.
/// </summary>
/// <remarks>
/// <c>business_phone</c> is required and must be plain digits with the country code. A leading '+' is refused
/// rather than stripped: identifiers are validated as given and never rewritten, so what is logged is what was sent.
/// <para>The base URL is the client's <see cref="HttpClient.BaseAddress"/>, set once from the validated
/// <see cref="NxCloudOptions.BaseUrl"/> when the typed client is registered.</para>
/// </remarks>
internal sealed class NxCloudMediaProvider(HttpClient httpClient, TimeProvider timeProvider) : IMediaProvider
{
    public string Provider => NxCloudProviderDefinition.ProviderName;

    public IdentifierError? Validate(MediaDeletionTarget target)
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

    public async Task<ProviderAnswer> SendDeleteAsync(MediaDeletionTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var nxCloud = ProviderArguments.Check<NxCloudCredentials>(this, target, credentials);

        var body = NxCloudDeleteMediaBody.Serialize(target.Phone!, target.MediaId);
        var ts = timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = NxCloudSigner.Sign(nxCloud.AccessKey, NxCloudProtocol.DeleteMediaAction, NxCloudProtocol.WhatsAppBizType, ts, body, nxCloud.AccessSecret);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(NxCloudProtocol.DeleteMediaPath, UriKind.Relative));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(NxCloudProtocol.JsonMediaType);
        request.Headers.Add(NxCloudProtocol.AccessKeyHeader, nxCloud.AccessKey);
        request.Headers.Add(NxCloudProtocol.TimestampHeader, ts);
        request.Headers.Add(NxCloudProtocol.BizTypeHeader, NxCloudProtocol.WhatsAppBizType);
        request.Headers.Add(NxCloudProtocol.ActionHeader, NxCloudProtocol.DeleteMediaAction);
        request.Headers.Add(NxCloudProtocol.SignHeader, sign);

        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var answer = await ProviderResponseBody.ReadAsync(response.Content, cancellationToken);
        return NxCloudAnswerReader.Classify((int)response.StatusCode, answer, RetryAfter.From(response, timeProvider));
    }
}

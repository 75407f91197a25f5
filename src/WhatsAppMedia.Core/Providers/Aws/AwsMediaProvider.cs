using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// AWS End User Messaging Social's DeleteWhatsAppMessageMedia:
/// <c>DELETE {endpoint}/v1/whatsapp/media?mediaId={mediaId}&amp;originationPhoneNumberId={phone}</c>, signed with SigV4
/// for <c>social-messaging</c> in the tenant's region. The endpoint is <c>Providers:Aws:Endpoint</c> when set, else
/// <c>https://social-messaging.{region}.amazonaws.com</c>. The request URL is always absolute: SigV4 signs its host and
/// path, so it is built here rather than left to the client's base address. Metadata comes from GetWhatsAppMessageMedia
/// (<c>POST {endpoint}/v1/whatsapp/media/get</c>, a JSON body with <c>metadataOnly: true</c>, SigV4 over the body).
/// </summary>
internal sealed class AwsMediaProvider(HttpClient httpClient, IOptions<AwsOptions> options, TimeProvider timeProvider) : IMediaProvider, IMediaMetadataProvider
{
    /// <summary>The SigV4 signing name of End User Messaging Social.</summary>
    public const string SigningName = "social-messaging";

    private const string OperationPath = "/v1/whatsapp/media";
    private const string GetMediaPath = "/v1/whatsapp/media/get";
    private const string JsonContentType = "application/json";

    public string Provider => AwsProviderDefinition.ProviderName;

    public IdentifierError? Validate(MediaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!AwsIdentifiers.IsMediaId(target.MediaId))
        {
            return new IdentifierError(ErrorCodes.InvalidMediaId, "An AWS media id is 1–100 letters or digits.");
        }

        return AwsIdentifiers.CheckPhoneNumberId(target.Phone);
    }

    public async Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var aws = ProviderArguments.Check<AwsCredentials>(this, target, credentials);
        // Region, key id and token passed AwsCredentials.Problem in ProviderArguments.Check.
        var signing = new SigV4Credentials(aws.AccessKeyId, aws.SecretAccessKey, aws.SessionToken);
        var uri = RequestUri(aws.Region, target);
        using var request = SignedRequest(uri, signing, aws.Region);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await AwsAnswerClassifier.ClassifyAsync(response, timeProvider, signing, cancellationToken);
    }

    public async Task<MetadataAnswer> SendGetMetadataAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var aws = ProviderArguments.Check<AwsCredentials>(this, target, credentials);
        var signing = new SigV4Credentials(aws.AccessKeyId, aws.SecretAccessKey, aws.SessionToken);
        var uri = new Uri(Endpoint(aws.Region) + GetMediaPath);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new AwsGetMediaBody(target.MediaId, target.Phone!));
        using var request = SignedRequest(uri, signing, aws.Region, body);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return MetadataAnswer.Failed(await AwsAnswerClassifier.ClassifyAsync(response, timeProvider, signing, cancellationToken));
        }

        // A 2xx that is not the metadata is AWS's fault or a proxy's, and may pass.
        return AwsMediaMetadata.TryRead(await ProviderResponseBody.ReadAsync(response.Content, cancellationToken)) is { } metadata
            ? MetadataAnswer.Found(metadata)
            : MetadataAnswer.Failed(new ProviderAnswer(ProviderOutcome.Transient, (int)response.StatusCode, ProviderMessage: "AWS answered without the media's mimeType."));
    }

    /// <summary>AWS delivers media content only into S3, never over HTTP to the caller.</summary>
    public string? ContentBearerToken(ProviderCredentials credentials) => null;

    /// <summary>
    /// Signs at the current time, so every attempt carries a fresh <c>X-Amz-Date</c>. A request with a body is a POST
    /// whose body is signed with <see cref="SigV4Body"/>; one without is a DELETE.
    /// </summary>
    private HttpRequestMessage SignedRequest(Uri uri, SigV4Credentials credentials, string region, byte[]? body = null)
    {
        var host = uri.Authority;

        // Path and query are read back from the Uri, which is what HttpClient sends, so the signature covers the wire text.
        var toSign = new SigV4Request(body is null ? "DELETE" : "POST", host, uri.AbsolutePath, SigV4QueryParameter.ParseWire(uri.Query), []);
        if (body is not null)
        {
            toSign = SigV4Body.Attach(toSign, body, JsonContentType);
        }

        var signature = SigV4Signer.Sign(toSign, credentials, region, SigningName, timeProvider.GetUtcNow());

        var request = new HttpRequestMessage(body is null ? HttpMethod.Delete : HttpMethod.Post, uri);
        if (body is not null)
        {
            // ByteArrayContent sends Content-Length itself, the same number SigV4Body signed.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(JsonContentType);
            request.Headers.TryAddWithoutValidation(SigV4Body.ContentSha256Header, toSign.PayloadHash);
        }

        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        if (credentials.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return request;
    }

    private Uri RequestUri(string region, MediaTarget target)
    {
        var query = "?mediaId=" + AwsUriEncoding.Encode(target.MediaId) + "&originationPhoneNumberId=" + AwsUriEncoding.Encode(target.Phone!);
        return new Uri(Endpoint(region) + OperationPath + query);
    }

    /// <summary>The endpoint without a trailing slash.</summary>
    private string Endpoint(string region)
    {
        // A configured endpoint passed AwsOptionsValidator at start; the region passed AwsCredentials.Problem.
        var endpoint = options.Value.Endpoint ?? AwsDefaults.RegionalEndpoint(region);
        return endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}

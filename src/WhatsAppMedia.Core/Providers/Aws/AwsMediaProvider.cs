using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// AWS End User Messaging Social's DeleteWhatsAppMessageMedia:
/// <c>DELETE {endpoint}/v1/whatsapp/media?mediaId={mediaId}&amp;originationPhoneNumberId={phone}</c>, signed with SigV4
/// for <c>social-messaging</c> in the tenant's region. The endpoint is <c>Providers:Aws:Endpoint</c> when set, else
/// <c>https://social-messaging.{region}.amazonaws.com</c>. The request URL is always absolute: SigV4 signs its host and
/// path, so it is built here rather than left to the client's base address.
/// </summary>
internal sealed class AwsMediaProvider(HttpClient httpClient, IOptions<AwsOptions> options, TimeProvider timeProvider) : IMediaProvider
{
    /// <summary>The SigV4 signing name of End User Messaging Social.</summary>
    public const string SigningName = "social-messaging";

    private const string OperationPath = "/v1/whatsapp/media";

    public string Provider => AwsProviderDefinition.ProviderName;

    public IdentifierError? Validate(MediaDeletionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!AwsIdentifiers.IsMediaId(target.MediaId))
        {
            return new IdentifierError(ErrorCodes.InvalidMediaId, "An AWS media id is 1–100 letters or digits.");
        }

        return AwsIdentifiers.CheckPhoneNumberId(target.Phone);
    }

    public async Task<ProviderAnswer> SendDeleteAsync(MediaDeletionTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var aws = ProviderArguments.Check<AwsCredentials>(this, target, credentials);
        // Region, key id and token passed AwsCredentials.Problem in ProviderArguments.Check.
        var signing = new SigV4Credentials(aws.AccessKeyId, aws.SecretAccessKey, aws.SessionToken);
        var uri = RequestUri(aws.Region, target);
        using var request = SignedRequest(uri, signing, aws.Region);
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await AwsAnswerClassifier.ClassifyAsync(response, timeProvider, signing, cancellationToken);
    }

    /// <summary>Signs at the current time, so every attempt carries a fresh <c>X-Amz-Date</c>.</summary>
    private HttpRequestMessage SignedRequest(Uri uri, SigV4Credentials credentials, string region)
    {
        var host = uri.Authority;

        // Path and query are read back from the Uri, which is what HttpClient sends, so the signature covers the wire text.
        var signature = SigV4Signer.Sign(
            new SigV4Request("DELETE", host, uri.AbsolutePath, SigV4QueryParameter.ParseWire(uri.Query), []),
            credentials,
            region,
            SigningName,
            timeProvider.GetUtcNow());

        var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        if (credentials.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return request;
    }

    private Uri RequestUri(string region, MediaDeletionTarget target)
    {
        // A configured endpoint passed AwsOptionsValidator at start; the region passed AwsCredentials.Problem.
        var endpoint = options.Value.Endpoint ?? AwsDefaults.RegionalEndpoint(region);
        var query = "?mediaId=" + AwsUriEncoding.Encode(target.MediaId) + "&originationPhoneNumberId=" + AwsUriEncoding.Encode(target.Phone!);
        return new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + OperationPath + query);
    }
}

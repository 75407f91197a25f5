namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// A provider that can describe a media object (<c>GET …/media/{mediaId}</c>, docs/api.md, "Retrieval and download").
/// Implemented by the providers whose public API has such a call (Meta, AWS, NxCloud); a provider without one has no
/// implementation and the service answers 501 <c>operation_not_supported</c>. Stateless like <see cref="IMediaProvider"/>,
/// and given only targets its <see cref="IMediaProvider.Validate"/> accepted (<see cref="ProviderClient.TryResolve"/>);
/// <see cref="SendGetMetadataAsync"/> makes exactly one HTTP attempt, and
/// <see cref="ProviderClient"/> retries it by the same rules as a delete.
/// </summary>
internal interface IMediaMetadataProvider
{
    /// <summary>The wire name of the provider (<see cref="IProviderDefinition.Name"/>), as <see cref="IMediaProvider.Provider"/>.</summary>
    string Provider { get; }

    /// <summary>
    /// Sends one metadata request and reads the answer: the metadata on success, otherwise the answer classified as a
    /// delete's would be. Network failures surface as <see cref="HttpRequestException"/>, cancellation as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The credentials are for another provider or break its rules.</exception>
    Task<MetadataAnswer> SendGetMetadataAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default);

    /// <summary>
    /// The bearer token that fetches the bytes behind the metadata's URL (<c>/content</c>), or null when the provider
    /// delivers no content over HTTP (AWS copies it into S3 only).
    /// </summary>
    string? ContentBearerToken(ProviderCredentials credentials);
}

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// One WhatsApp provider on the wire: its identifier formats and its delete call. Implementations are stateless:
/// credentials arrive with each call and are never kept. <see cref="SendDeleteAsync"/> makes exactly one HTTP attempt;
/// retries, timeouts and budgets belong to <see cref="ProviderClient"/>.
/// </summary>
/// <remarks>
/// A provider with a metadata call also implements <see cref="IMediaMetadataProvider"/>; one without it does not, and
/// <c>GET …/media/{mediaId}</c> answers 501 for its tenants (docs/api.md, "Retrieval and download").
/// </remarks>
internal interface IMediaProvider
{
    /// <summary>The wire name of the provider (<see cref="IProviderDefinition.Name"/>).</summary>
    string Provider { get; }

    /// <summary>
    /// This provider's own formats for a media id and phone identity: null when both are acceptable, else the refusal
    /// (its message never repeats the value). Called once, by <see cref="ProviderClient.TryResolve"/>, the only maker of
    /// a <see cref="MediaTarget"/>.
    /// </summary>
    IdentifierError? Validate(MediaTarget target);

    /// <summary>
    /// Sends one delete request and classifies the answer. Network failures surface as <see cref="HttpRequestException"/>
    /// and cancellation as <see cref="OperationCanceledException"/>; every HTTP answer becomes a <see cref="ProviderAnswer"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The credentials are for another provider or break its rules.</exception>
    Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default);
}

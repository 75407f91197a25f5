namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// One WhatsApp provider on the wire. Implementations are stateless: credentials arrive with each call and are
/// never kept. <see cref="SendDeleteAsync"/> makes exactly one HTTP attempt; retries, timeouts and budgets belong
/// to <see cref="MediaDeletionClient"/>.
/// </summary>
public interface IMediaProvider
{
    ProviderKind Kind { get; }

    /// <summary>
    /// Checks the media id and phone identity with this provider's own formats. Returns null when both are acceptable.
    /// Nothing is built from an identifier that has not passed this check.
    /// </summary>
    IdentifierError? Validate(MediaDeletionTarget target);

    /// <summary>
    /// Sends one delete request and classifies the answer. Network failures surface as <see cref="HttpRequestException"/>
    /// and cancellation as <see cref="OperationCanceledException"/>; every HTTP answer becomes a <see cref="ProviderAnswer"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The target fails <see cref="Validate"/> or the credentials are for another provider.</exception>
    Task<ProviderAnswer> SendDeleteAsync(MediaDeletionTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default);
}

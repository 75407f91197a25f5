namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// One WhatsApp provider on the wire. Implementations are stateless: credentials arrive with each call and are
/// never kept. <see cref="SendDeleteAsync"/> makes exactly one HTTP attempt; retries, timeouts and budgets belong
/// to <see cref="MediaDeletionClient"/>.
/// </summary>
/// <remarks>
/// Operation-centric: one method per wire operation. A provider that lacks an operation another provider has says so
/// through that operation's default implementation (a default interface method answering "not supported"), so adding an
/// operation touches this interface and the providers that support it, nothing else.
/// </remarks>
public interface IMediaProvider
{
    /// <summary>The wire name of the provider (<see cref="IProviderDefinition.Name"/>).</summary>
    string Provider { get; }

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

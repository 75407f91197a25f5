using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// Retrieves a media object's metadata and opens its content for a tenant (docs/api.md, "Retrieval and download"), with the same retries
/// (<see cref="ProviderClient"/>) and credential refresh (<see cref="CredentialRefresh"/>) as a delete. For
/// <c>/content</c>, a download URL the provider refuses (expired, or the token refused on it) costs one more round:
/// the metadata is fetched again for a fresh URL and the download tried once more.
/// </summary>
internal sealed partial class TenantMediaRetriever(
    ITenantStore tenants,
    ProviderClient client,
    MediaDownloader downloader,
    ILogger<TenantMediaRetriever> logger,
    TenantPacer? pacer = null)
{
    /// <summary>Whether the tenant's provider has a metadata call; without one the answer is 501.</summary>
    public bool SupportsMetadata(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return client.MetadataProvider(tenant.Provider) is not null;
    }

    /// <summary>Whether the tenant's provider delivers content over HTTP; without it <c>/content</c> answers 501.</summary>
    public bool SupportsContent(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return client.MetadataProvider(tenant.Provider)?.ContentBearerToken(tenant.Credentials) is not null;
    }

    /// <summary>The metadata of a validated <paramref name="target"/>, and the tenant whose credentials gave it.</summary>
    public Task<(MetadataResult Result, Tenant Tenant)> GetMetadataAsync(Tenant tenant, MediaTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(target);
        return CredentialRefresh.RunAsync(
            tenants,
            logger,
            tenant,
            current => client.GetMetadataAsync(current.Credentials, target, GateFor(current), cancellationToken),
            result => result.Failure?.Outcome == ProviderOutcome.CredentialsRefused,
            (first, second) => second with { Attempts = first.Attempts + second.Attempts },
            cancellationToken);
    }

    /// <summary>
    /// Opens the content of a validated <paramref name="target"/>: metadata, then the download from its URL with the
    /// tenant's token; a refused URL gets one more round with fresh metadata. The caller must stream or dispose the result.
    /// <c>Attempts</c> counts every provider call made: each metadata attempt (retries included) and each download.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider delivers no content (check <see cref="SupportsContent"/> first).</exception>
    internal async Task<(MediaDownloadOpening Opening, int Attempts)> OpenContentAsync(Tenant tenant, MediaTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var provider = client.MetadataProvider(tenant.Provider)
            ?? throw new InvalidOperationException($"The {tenant.Provider} provider delivers no content.");
        var attempts = 0;
        for (var round = 1; ; round++)
        {
            var (metadata, current) = await GetMetadataAsync(tenant, target, cancellationToken);
            attempts += metadata.Attempts;
            if (metadata.Metadata is null)
            {
                return (MediaDownloadOpening.Failed(metadata.Failure!), attempts);
            }

            var token = provider.ContentBearerToken(current.Credentials)
                ?? throw new InvalidOperationException($"The {tenant.Provider} provider delivers no content.");
            // The download's start is a provider request too, so it takes a slot of the tenant's budget.
            if (GateFor(current) is { } gate && await gate.BeforeAttemptAsync(cancellationToken) is { } heldBack)
            {
                return (MediaDownloadOpening.Failed(heldBack), attempts);
            }

            var opening = await downloader.OpenAsync(metadata.Metadata, token, cancellationToken);
            attempts++;
            if (opening.Download is not null || !opening.FreshUrlMayHelp || round == 2)
            {
                return (opening, attempts);
            }

            LogRefreshingUrl(tenant.Id, target.MediaId, opening.Failure!.Describe());
            opening.Dispose();
            tenant = current;
        }
    }

    /// <summary>An immediate call's gate for a paced tenant: it waits up to <c>Pacing:MaxImmediateWait</c> per slot.</summary>
    private ProviderRequestGate? GateFor(Tenant tenant) =>
        pacer?.RateFor(tenant) is null ? null : new ProviderRequestGate(pacer, tenant, heldSlot: null, pacer.MaxImmediateWait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {TenantId} media {MediaId}: the provider refused the download URL ({Answer}); fetching the metadata again for a fresh one.")]
    private partial void LogRefreshingUrl(string tenantId, string mediaId, string answer);
}

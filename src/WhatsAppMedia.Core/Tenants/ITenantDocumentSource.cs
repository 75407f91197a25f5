namespace WhatsAppMedia.Core.Tenants;

/// <summary>Reads raw tenant documents from where they live. Never throws for source failures; they are part of the answer.</summary>
internal interface ITenantDocumentSource
{
    /// <param name="tenantId">An id that passed <see cref="TenantIds.IsValid"/>.</param>
    /// <param name="cancellationToken">Cancelled when the read takes too long; the answer is then a failure.</param>
    Task<TenantSourceRead> ReadAsync(string tenantId, CancellationToken cancellationToken);
}

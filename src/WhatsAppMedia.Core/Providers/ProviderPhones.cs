namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Which phone identity a call uses (docs/formats.md, "Tenant document"), decided once for the HTTP API, the bulk endpoint and the queue:
/// the one the request, batch, item or message names, else the tenant document's <c>phone</c> where the tenant's
/// provider applies it (<see cref="ProviderCredentials.AppliesTenantPhone"/>; not Meta).
/// </summary>
internal static class ProviderPhones
{
    /// <summary>The phone a call with <paramref name="credentials"/> uses: <paramref name="requested"/>, else the tenant's where it applies; null for none.</summary>
    public static string? For(ProviderCredentials credentials, string? requested, string? tenantPhone)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return requested ?? (credentials.AppliesTenantPhone ? tenantPhone : null);
    }

    /// <summary>
    /// What is wrong with <paramref name="phone"/> as a tenant's default phone for <paramref name="provider"/>, as a phrase
    /// that follows a field name ("is not a valid … phone identity: …"), or null when it is usable or never applied
    /// (<see cref="IProviderDefinition.CheckDefaultPhone"/>).
    /// </summary>
    public static string? DefaultPhoneProblem(IProviderDefinition provider, string phone)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(phone);
        return provider.CheckDefaultPhone(phone) is { } error
            ? $"is not a valid {provider.Name} phone identity: {error.Message.TrimEnd('.')}"
            : null;
    }
}

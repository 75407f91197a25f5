using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.NxCloud;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Which phone identity a call uses (docs/formats.md, "Tenant document"), decided once for the HTTP API, the bulk endpoint and the queue:
/// the one the request, batch, item or message names, else the tenant document's <c>phone</c> — except for Meta,
/// where the tenant's phone is never applied.
/// </summary>
public static class ProviderPhones
{
    /// <summary>
    /// Whether the tenant document's <c>phone</c> stands in when a call names none. Not for Meta: there a phone
    /// becomes <c>phone_number_id</c>, an ownership check Meta refuses for media a customer sent (code 100, "not a
    /// valid whatsapp business phone number id"), so a default would make such media undeletable.
    /// </summary>
    public static bool AppliesTenantPhone(this ProviderKind kind) => kind != ProviderKind.Meta;

    /// <summary>The phone a call to <paramref name="kind"/> uses: <paramref name="requested"/>, else the tenant's where it applies; null for none.</summary>
    public static string? For(ProviderKind kind, string? requested, string? tenantPhone) =>
        requested ?? (kind.AppliesTenantPhone() ? tenantPhone : null);

    /// <summary>
    /// What is wrong with <paramref name="phone"/> as a tenant's default phone for <paramref name="kind"/>, as a phrase
    /// that follows a field name ("must be …"), or null when it is usable or never applied. The formats are the
    /// providers' own checks (<see cref="AwsIdentifiers.CheckPhoneNumberId"/>, <see cref="NxCloudIdentifiers.CheckBusinessPhone"/>),
    /// so a document that passes here never fails them at call time.
    /// </summary>
    public static string? DefaultPhoneProblem(ProviderKind kind, string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var error = kind switch
        {
            ProviderKind.Aws => AwsIdentifiers.CheckPhoneNumberId(phone),
            ProviderKind.NxCloud => NxCloudIdentifiers.CheckBusinessPhone(phone),

            // Meta never applies the tenant's phone and SMSGatewayCenter ignores phones: nothing to hold it to.
            _ => null,
        };
        return error is null ? null : $"is not a valid {kind.ToName()} phone identity: {error.Message.TrimEnd('.')}";
    }
}

using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Batches;

/// <summary>The media id and phone of one item of a bulk body, held to the tenant's provider (docs/api.md, "Bulk deletions and batches").</summary>
internal static class BatchItemCheck
{
    /// <summary>What is wrong with the item's target, or null when the provider would take it.</summary>
    public static IdentifierError? Problem(ProviderClient client, Tenant tenant, string? mediaId, string? phone, bool phoneIsMalformed, NonTextString? nonText) =>
        (nonText, mediaId, phoneIsMalformed) switch
        {
            ({ } text, _, _) => new IdentifierError(CodeForNonText(text), text.Problem()),
            (_, null, _) => new IdentifierError(ErrorCodes.InvalidMediaId, "'mediaId' must be a string."),
            (_, _, true) => new IdentifierError(ErrorCodes.InvalidPhone, "'phone' must be a string."),
            _ => client.TryResolve(tenant, mediaId, phone, out _, out var error) ? null : error,
        };

    /// <summary>A string that is not text is refused with the code of the field it was sent in.</summary>
    private static string CodeForNonText(NonTextString nonText) => nonText.Field switch
    {
        "mediaId" => ErrorCodes.InvalidMediaId,
        "phone" => ErrorCodes.InvalidPhone,
        _ => ErrorCodes.InvalidRequest,
    };
}

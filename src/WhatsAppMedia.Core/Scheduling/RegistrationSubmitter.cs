using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>
/// Turns registered media ids into one scheduled batch by the tenant's retention policy (docs/scheduling.md,
/// "Retention"): each item is due at its <c>at</c> + <c>retention.deleteAfter</c>, or now when that has passed. Where the
/// provider drops the media itself before then, the item is recorded <c>expired_at_provider</c> and nothing is sent.
/// The batch then goes the way of any bulk deletion (<see cref="BatchSubmitter"/>): one scheduling mechanism.
/// </summary>
internal sealed class RegistrationSubmitter(BatchSubmitter submitter, ProviderClient client, ProviderRegistry providers, TimeProvider timeProvider)
{
    /// <summary>How far ahead of this instance's clock an <c>at</c> may lie: the caller's clock may run a little fast.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    public async Task<BatchSubmission> SubmitAsync(Tenant tenant, MediaRegistrations registrations, string requestId, string? requestedBy, CancellationToken cancellationToken)
    {
        if (tenant.RetentionDeleteAfter is not { } deleteAfter)
        {
            return BatchSubmission.Invalid(new IdentifierError(
                ErrorCodes.RetentionNotSet,
                $"The tenant's document has no '{TenantDocumentFields.RetentionDeleteAfter}', so a registered media id would never be due; set one (for example with the CLI's 'tenant retention')."));
        }

        providers.TryFind(tenant.Provider, out var provider);
        var now = timeProvider.GetUtcNow();
        var items = new List<DeletionBatchItem>(registrations.Items.Count);
        var errors = new List<ItemError>();
        for (var index = 0; index < registrations.Items.Count; index++)
        {
            var item = registrations.Items[index];
            var phone = item.Phone ?? registrations.Phone;
            var origin = MediaOrigin.Uploaded;
            var at = DateTimeOffset.MinValue;
            var invalid = item.NonText is { Field: "origin" or "at" } nonText
                ? new IdentifierError(ErrorCodes.InvalidRegistration, nonText.Problem())
                : BatchItemCheck.Problem(client, tenant, item.MediaId, phone, item.PhoneIsMalformed, item.NonText)
                    ?? OriginProblem(item, index, out origin)
                    ?? AtProblem(item, index, now, out at);
            if (invalid is not null)
            {
                errors.Add(new ItemError(index, invalid.Code, invalid.Message));
                continue;
            }

            items.Add(Plan(item, phone, origin, at, deleteAfter, provider?.MediaLifetime(origin), now));
        }

        if (errors.Count > 0)
        {
            return BatchSubmission.Refused(errors);
        }

        // The receipt says why: the tenant's retention policy (docs/receipts.md, "Reason").
        return await submitter.SubmitAsync(tenant, new DeletionBatch(null, items, Reason: "retention"), requestId, requestedBy, cancellationToken);
    }

    /// <summary>When the item is deleted, or that the provider drops it first (docs/scheduling.md, "Retention").</summary>
    private static DeletionBatchItem Plan(MediaRegistrationItem item, string? phone, MediaOrigin origin, DateTimeOffset at, TimeSpan deleteAfter, TimeSpan? lifetime, DateTimeOffset now)
    {
        var due = at + deleteAfter;
        var deletedAt = due > now ? due : now;
        if (lifetime is { } kept && deletedAt >= at + kept)
        {
            return new DeletionBatchItem(item.MediaId, phone, PhoneIsMalformed: false, ExpiredAtProvider: at + kept);
        }

        // An 'at' a little ahead of this clock with the longest policy could land past the scheduling limit by minutes.
        var latest = now.AddDays(DeleteAt.MaxDaysAhead);
        return new DeletionBatchItem(item.MediaId, phone, PhoneIsMalformed: false, DeleteAt: due > now ? DeleteAt.Format(due < latest ? due : latest) : null);
    }

    private static IdentifierError? OriginProblem(MediaRegistrationItem item, int index, out MediaOrigin origin)
    {
        origin = MediaOrigin.Uploaded;
        switch (item.Origin)
        {
            case "uploaded" when !item.OriginIsMalformed:
                return null;
            case "received" when !item.OriginIsMalformed:
                origin = MediaOrigin.Received;
                return null;
            default:
                return new IdentifierError(
                    ErrorCodes.InvalidRegistration,
                    $"'items[{index}].origin' must be \"uploaded\" (the business uploaded it) or \"received\" (it came in a webhook){(item.Origin is null ? string.Empty : $"; '{DeleteAt.Shown(item.Origin)}' is neither")}.");
        }
    }

    private static IdentifierError? AtProblem(MediaRegistrationItem item, int index, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        var field = $"items[{index}].at";
        if (item.At is null || item.AtIsMalformed)
        {
            return new IdentifierError(ErrorCodes.InvalidRegistration, $"'{field}' is required: when the media was uploaded or received, an ISO 8601 UTC time such as {DeleteAt.Example}.");
        }

        if (!DeleteAt.TryParseTime(item.At, field, out at, out var problem))
        {
            return new IdentifierError(ErrorCodes.InvalidRegistration, problem);
        }

        return at - now > ClockSkewAllowance
            ? new IdentifierError(ErrorCodes.InvalidRegistration, $"'{field}' lies in the future ('{item.At}'): it is when the media was uploaded or received.")
            : null;
    }
}

namespace WhatsAppMedia.Core.Deletions;

/// <summary>What a redrive did, or with <c>--dry-run</c> would do.</summary>
/// <param name="MovedPerTenant">Messages moved (or movable) to the work queue, per tenant id, ordered by id.</param>
/// <param name="Unreadable">Entries left in the source because no deletion message could be read from them.</param>
public sealed record RedriveReport(IReadOnlyDictionary<string, int> MovedPerTenant, int Unreadable)
{
    public int Moved => MovedPerTenant.Values.Sum();
}

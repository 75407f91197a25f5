namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The optional <c>reason</c> a caller gives for a deletion (docs/receipts.md, "Reason"): kept on its receipt, at most
/// <see cref="MaxLength"/> characters. A bad one is refused with a detail naming the field as sent.
/// </summary>
internal static class DeletionReason
{
    public const int MaxLength = 200;

    /// <summary>Null when the value sent as <paramref name="field"/> is acceptable (absent, or a string of 1 to 200 characters); else why not.</summary>
    public static string? Problem(string? value, bool isMalformed, string field) =>
        isMalformed || value is { Length: 0 or > MaxLength }
            ? $"'{field}' must be a string of 1 to {MaxLength} characters."
            : null;
}

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// What <see cref="ReceiptVerifier"/> found: how many receipts and signed digests it checked, the last receipt a digest
/// covers (the chain up to it is the service's when <see cref="SignaturesChecked"/>), and the first line that fails with
/// why (1-based; null when all hold).
/// </summary>
public sealed record ReceiptVerification(int Receipts, int? FailedLine, string? Problem, int Digests, long? SignedThrough, bool SignaturesChecked)
{
    public bool IsValid => FailedLine is null;
}

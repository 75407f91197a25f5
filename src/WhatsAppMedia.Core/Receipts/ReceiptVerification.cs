namespace WhatsAppMedia.Core.Receipts;

/// <summary>What <see cref="ReceiptVerifier"/> found: how many receipts it checked, and the first line that fails with why (1-based; null when all hold).</summary>
public sealed record ReceiptVerification(int Receipts, int? FailedLine, string? Problem)
{
    public bool IsValid => FailedLine is null;
}

namespace WhatsAppMedia.Core.Receipts;

/// <summary>One receipt as stored: its sequence number, its JSON as hashed, and the hash.</summary>
internal sealed record StoredReceipt(long Sequence, string Json, string Hash)
{
    public string Line => ReceiptChain.Line(Json, Hash);
}

namespace WhatsAppMedia.Core.Receipts;

/// <summary>One signed digest as stored: the receipt it ends at, its JSON as signed, and the signature.</summary>
internal sealed record StoredDigest(long Sequence, string Json, string Signature)
{
    public string Line => ReceiptChain.DigestLine(Json, Signature);
}

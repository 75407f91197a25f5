namespace WhatsAppMedia.Core.Queues;

/// <summary>Header names of the Storage REST protocol that the queue client reads or writes.</summary>
internal static class StorageHeaders
{
    public const string Prefix = "x-ms-";
    public const string Version = "x-ms-version";
    public const string Date = "x-ms-date";
    public const string ErrorCode = "x-ms-error-code";
    public const string PopReceipt = "x-ms-popreceipt";
    public const string TimeNextVisible = "x-ms-time-next-visible";
    public const string ApproximateMessagesCount = "x-ms-approximate-messages-count";
}

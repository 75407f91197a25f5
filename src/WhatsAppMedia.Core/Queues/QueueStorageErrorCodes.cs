namespace WhatsAppMedia.Core.Queues;

/// <summary>The Storage error codes the service reacts to (the <c>&lt;Error&gt;&lt;Code&gt;</c> of an error answer).</summary>
public static class QueueStorageErrorCodes
{
    public const string QueueNotFound = "QueueNotFound";
    public const string QueueAlreadyExists = "QueueAlreadyExists";
    public const string QueueBeingDeleted = "QueueBeingDeleted";
    public const string MessageNotFound = "MessageNotFound";
    public const string PopReceiptMismatch = "PopReceiptMismatch";
    public const string MessageTooLarge = "MessageTooLarge";
    public const string RequestBodyTooLarge = "RequestBodyTooLarge";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string AuthorizationFailure = "AuthorizationFailure";
    public const string InvalidAuthenticationInfo = "InvalidAuthenticationInfo";
}

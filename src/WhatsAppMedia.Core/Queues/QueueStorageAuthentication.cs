namespace WhatsAppMedia.Core.Queues;

/// <summary>How requests to the queue service are authorized.</summary>
public enum QueueStorageAuthentication
{
    /// <summary>Each request is signed with the account key (connection strings).</summary>
    SharedKey,

    /// <summary>A bearer token from the app's managed identity (<c>__credential=managedidentity</c>).</summary>
    ManagedIdentity,

    /// <summary>A bearer token from <c>DefaultAzureCredential</c> (identity-based settings without <c>__credential</c>).</summary>
    DefaultAzureCredential,

    /// <summary>A bearer token from a credential the caller supplied.</summary>
    TokenCredential,
}

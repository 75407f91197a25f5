namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// The storage emulator's fixed account (Azurite and the old Storage Emulator share it). The key is published by
/// Microsoft for local development only; it is kept here because <c>UseDevelopmentStorage=true</c> means exactly it.
/// </summary>
public static class DevelopmentStorage
{
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The port the emulator's queue service listens on by default.</summary>
    public const int QueuePort = 10001;

    /// <summary>The emulator's queue endpoint: path-style, the account name is the first path segment.</summary>
    public static Uri QueueServiceUri { get; } = new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary>The port the emulator's table service listens on by default.</summary>
    public const int TablePort = 10002;

    /// <summary>A full connection string for an emulator queue service at <paramref name="queueServiceUri"/> and, when given, its table service.</summary>
    public static string ConnectionStringFor(Uri queueServiceUri, Uri? tableServiceUri = null)
    {
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        var table = tableServiceUri is null ? string.Empty : $"TableEndpoint={tableServiceUri.AbsoluteUri.TrimEnd('/')};";
        return $"DefaultEndpointsProtocol={queueServiceUri.Scheme};AccountName={AccountName};AccountKey={AccountKey};QueueEndpoint={queueServiceUri.AbsoluteUri.TrimEnd('/')};{table}";
    }
}

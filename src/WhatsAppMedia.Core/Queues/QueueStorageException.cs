using Azure;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// The queue service refused a request. <see cref="RequestFailedException.Status"/> and
/// <see cref="RequestFailedException.ErrorCode"/> (for example <see cref="QueueStorageErrorCodes.QueueNotFound"/>)
/// say why; the message adds the operation and queue and the service's own first line, never request headers.
/// </summary>
public sealed class QueueStorageException : RequestFailedException
{
    public QueueStorageException(string message)
        : base(message)
    {
        Operation = string.Empty;
        QueueName = string.Empty;
    }

    public QueueStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        QueueName = string.Empty;
    }

    public QueueStorageException()
        : this("The queue service refused the request.")
    {
    }

    internal QueueStorageException(string operation, string queueName, int status, string? errorCode, string? serviceMessage)
        : base(status, Describe(operation, queueName, status, errorCode, serviceMessage), errorCode, innerException: null)
    {
        Operation = operation;
        QueueName = queueName;
    }

    /// <summary>What the client was doing, for example <c>DeleteMessage</c>.</summary>
    public string Operation { get; }

    public string QueueName { get; }

    private static string Describe(string operation, string queueName, int status, string? errorCode, string? serviceMessage)
    {
        var code = string.IsNullOrEmpty(errorCode) ? string.Empty : $" {errorCode}";
        var detail = string.IsNullOrEmpty(serviceMessage) ? string.Empty : $": {serviceMessage}";
        return $"Queue storage answered {operation} on queue '{queueName}' with HTTP {status}{code}{detail}";
    }
}

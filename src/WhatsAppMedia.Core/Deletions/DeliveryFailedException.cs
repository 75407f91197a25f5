namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// Thrown by <see cref="DeletionMessageProcessor"/> when a delivery must fail so the queue delivers the message again
/// later (a transient failure). The host lets it escape; after <c>maxDequeueCount</c> deliveries the message goes to
/// <c>{queue}-poison</c>.
/// </summary>
internal sealed class DeliveryFailedException : Exception
{
    public DeliveryFailedException()
    {
    }

    public DeliveryFailedException(string message)
        : base(message)
    {
    }

    public DeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryFailedException(string code, string detail)
        : base($"{code}: {detail}")
    {
        Code = code;
    }

    /// <summary>The contract code of the failure, for example <c>provider_unavailable</c>.</summary>
    public string? Code { get; }
}

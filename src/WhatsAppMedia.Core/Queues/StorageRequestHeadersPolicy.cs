using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Stamps every attempt with the service version and the request time. Runs per retry so a retried request carries a
/// fresh date (Storage refuses requests dated more than 15 minutes off), and before authorization, which signs both.
/// </summary>
internal sealed class StorageRequestHeadersPolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    /// <summary>A recent service version that Azurite 3.37 and the public cloud both accept.</summary>
    public const string ServiceVersion = "2025-11-05";

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue(StorageHeaders.Version, ServiceVersion);
        message.Request.Headers.SetValue(StorageHeaders.Date, timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
    }
}

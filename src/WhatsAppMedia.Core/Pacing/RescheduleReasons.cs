namespace WhatsAppMedia.Core.Pacing;

/// <summary>How a <see cref="RescheduleReason"/> is named in metrics and described in the log line (docs/logging.md).</summary>
internal static class RescheduleReasons
{
    /// <summary>The <c>reason</c> tag of <c>whatsapp_media.reschedules</c>.</summary>
    public static string Name(RescheduleReason reason) => reason switch
    {
        RescheduleReason.Late => "late",
        RescheduleReason.Paused => "paused",
        RescheduleReason.RateLimited => "rate_limited",
        RescheduleReason.Throttled => "throttled",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string Describe(RescheduleReason reason) => reason switch
    {
        RescheduleReason.Late => "delivered too long after its slot",
        RescheduleReason.Paused => "the provider paused the tenant over its slot",
        RescheduleReason.RateLimited => "no free slot for a retry",
        RescheduleReason.Throttled => "throttled by the provider",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}

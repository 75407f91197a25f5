using System.Diagnostics.Metrics;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The service's instruments on the meter <see cref="MeterName"/> (docs/logging.md, "Metrics"): deletions by provider
/// and outcome, one measurement per deletion the core finishes (HTTP or queue) after its retries; and, for paced
/// tenants, how late queue messages arrive for their slots and how often they are queued again on a new one. Tags
/// name a provider (<c>meta</c>, <c>aws</c>, …), an outcome (<c>deleted</c>, <c>not_found</c>, …) or a reason
/// (<c>late</c>, <c>paused</c>, …); never a tenant, id or credential.
/// </summary>
public sealed class DeletionMetrics
{
    /// <summary>The meter an exporter subscribes to.</summary>
    public const string MeterName = "WhatsAppMedia";

    /// <summary>The counter's name, in OpenTelemetry's dotted lower-case style.</summary>
    public const string DeletionsCounterName = "whatsapp_media.deletions";

    /// <summary>Paced queue messages queued again on a new slot, by reason.</summary>
    public const string ReschedulesCounterName = "whatsapp_media.reschedules";

    /// <summary>Seconds from a paced queue message's slot to its delivery (negative when delivered early).</summary>
    public const string SlotLatenessHistogramName = "whatsapp_media.slot_lateness";

    private readonly Counter<long> _deletions;
    private readonly Counter<long> _reschedules;
    private readonly Histogram<double> _slotLateness;

    public DeletionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _deletions = meter.CreateCounter<long>(DeletionsCounterName, unit: "{deletion}", description: "Media deletions finished, by provider and outcome.");
        _reschedules = meter.CreateCounter<long>(ReschedulesCounterName, unit: "{message}", description: "Paced queue messages queued again on a new slot of the tenant's schedule, by reason.");
        _slotLateness = meter.CreateHistogram<double>(SlotLatenessHistogramName, unit: "s", description: "Time from a paced queue message's slot to its delivery; negative when early.");
    }

    internal void Record(string provider, ProviderOutcome outcome) =>
        _deletions.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", OutcomeCodes.Name(outcome)));

    internal void RecordReschedule(RescheduleReason reason) =>
        _reschedules.Add(1, new KeyValuePair<string, object?>("reason", RescheduleReasons.Name(reason)));

    internal void RecordSlotLateness(TimeSpan lateness) => _slotLateness.Record(lateness.TotalSeconds);
}

using System.Diagnostics.Metrics;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The count of deletions by provider and outcome, on the meter <see cref="MeterName"/>: one measurement per deletion
/// the core finishes (HTTP or queue), after its retries. Tags are the provider's name (<c>meta</c>, <c>aws</c>, …) and
/// the outcome's name (<c>deleted</c>, <c>not_found</c>, <c>transient</c>, …); never a tenant, id or credential.
/// </summary>
public sealed class DeletionMetrics
{
    /// <summary>The meter an exporter subscribes to.</summary>
    public const string MeterName = "WhatsAppMedia";

    /// <summary>The counter's name, in OpenTelemetry's dotted lower-case style.</summary>
    public const string DeletionsCounterName = "whatsapp_media.deletions";

    private readonly Counter<long> _deletions;

    public DeletionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _deletions = meter.CreateCounter<long>(DeletionsCounterName, unit: "{deletion}", description: "Media deletions finished, by provider and outcome.");
    }

    internal void Record(string provider, ProviderOutcome outcome) =>
        _deletions.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", OutcomeCodes.Name(outcome)));
}

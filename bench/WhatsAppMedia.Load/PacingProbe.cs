using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Load;

/// <summary>
/// Listens to the service's pacing instruments (<see cref="DeletionMetrics"/>) of every host in this process: how late
/// paced messages arrive for their slots, and how many were queued again on a new slot, by reason.
/// </summary>
internal sealed class PacingProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _reschedules = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _lateness = new();

    public PacingProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DeletionMetrics.MeterName
                && instrument.Name is DeletionMetrics.ReschedulesCounterName or DeletionMetrics.SlotLatenessHistogramName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    _reschedules.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _lateness.Enqueue(value));
        _listener.Start();
    }

    /// <summary>Reschedules by reason, for example <c>late 12, throttled 3</c>; <c>none</c> when there were none.</summary>
    public string Reschedules() => _reschedules.IsEmpty
        ? "none"
        : string.Join(", ", _reschedules.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:N0}")));

    public long RescheduleCount => _reschedules.Values.Sum();

    /// <summary>Deliveries measured against their slot, and the lateness p50 / p99 / max in seconds.</summary>
    public string Lateness()
    {
        var samples = _lateness.ToArray();
        if (samples.Length == 0)
        {
            return "no paced deliveries";
        }

        Array.Sort(samples);
        double At(double share) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(share * samples.Length) - 1)];
        var late = samples.Count(value => value > 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"{samples.Length:N0} deliveries, p50 {At(0.5):0.00} s, p99 {At(0.99):0.00} s, max {samples[^1]:0.00} s, > 1 s late {late:N0}");
    }

    public void Dispose() => _listener.Dispose();
}

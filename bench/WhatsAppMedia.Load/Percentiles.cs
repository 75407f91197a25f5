namespace WhatsAppMedia.Load;

/// <summary>Nearest-rank percentiles of measured values, as the benchmarks report them.</summary>
internal static class Percentiles
{
    /// <summary>The value at <paramref name="quantile"/> (0 to 1) of values sorted ascending; NaN when there are none.</summary>
    public static double Of(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}

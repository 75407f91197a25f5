namespace WhatsAppMedia.Load;

/// <summary>One download of a file and what the host process's resident memory did meanwhile.</summary>
/// <param name="Target">Through the service's <c>/content</c> route, or straight from the sandbox (metadata, then the URL) as the baseline.</param>
/// <param name="Status">The HTTP status of the download (of the URL's answer, for the sandbox).</param>
/// <param name="Bytes">Bytes read before the body ended.</param>
/// <param name="Complete">Whether every byte came and their SHA-256 is the one the sandbox declared; anything else means the run went wrong.</param>
/// <param name="Elapsed">From the request sent to the last byte read.</param>
/// <param name="IdleBytes">The host's median VmRSS over the quiet spell just before, in bytes.</param>
/// <param name="PeakBytes">The largest VmRSS sampled during the download, in bytes.</param>
internal sealed record DownloadResult(DownloadTarget Target, int Status, long Bytes, bool Complete, TimeSpan Elapsed, long IdleBytes, long PeakBytes)
{
    public const double Mebibyte = 1024 * 1024;

    public double MebibytesPerSecond => Bytes / Mebibyte / Elapsed.TotalSeconds;

    public long GrowthBytes => PeakBytes - IdleBytes;
}

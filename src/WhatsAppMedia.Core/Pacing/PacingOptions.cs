namespace WhatsAppMedia.Core.Pacing;

/// <summary>Settings of the per-tenant request budget (section <c>Pacing</c>; docs/pacing.md).</summary>
internal sealed class PacingOptions
{
    public const string SectionName = "Pacing";

    /// <summary>How long an immediate call (DELETE, GET) waits for its slot before answering 429 <c>rate_limited</c>.</summary>
    /// <value>Default 2 s.</value>
    public TimeSpan MaxImmediateWait { get; set; } = PacingDefaults.MaxImmediateWait;
}

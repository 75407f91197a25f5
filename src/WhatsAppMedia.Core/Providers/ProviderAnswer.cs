namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// One provider answer, classified. <see cref="ProviderCode"/> and <see cref="ProviderMessage"/> keep the
/// provider's own words for logs and problem details; they never hold a credential.
/// </summary>
/// <param name="Outcome">What the answer means.</param>
/// <param name="HttpStatus">The HTTP status, or null when no answer arrived (connection error, timeout).</param>
/// <param name="ProviderCode">The provider's own error code or type (for example Meta's <c>100/33</c> or AWS's <c>ThrottlingException</c>).</param>
/// <param name="ProviderMessage">The provider's own message, trimmed to a bounded length.</param>
/// <param name="RetryAfter">How long the provider asked us to wait, when it said so.</param>
internal sealed record ProviderAnswer(
    ProviderOutcome Outcome,
    int? HttpStatus = null,
    string? ProviderCode = null,
    string? ProviderMessage = null,
    TimeSpan? RetryAfter = null)
{
    /// <summary>The provider's own id of this request (Meta <c>x-fb-trace-id</c>, AWS <c>x-amzn-RequestId</c>), when it gave one.</summary>
    public string? RequestId { get; init; }

    /// <summary>Longest provider message kept; provider bodies can be large HTML error pages.</summary>
    public const int MaxMessageLength = 500;

    public static ProviderAnswer Deleted(int httpStatus) => new(ProviderOutcome.Deleted, httpStatus);

    /// <summary>A readable one-line description for logs and problem details.</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        if (HttpStatus is { } status)
        {
            parts.Add($"HTTP {status}");
        }

        if (!string.IsNullOrEmpty(ProviderCode))
        {
            parts.Add($"code {ProviderCode}");
        }

        if (!string.IsNullOrEmpty(ProviderMessage))
        {
            parts.Add($"\"{ProviderMessage}\"");
        }

        return parts.Count == 0 ? Outcome.ToString() : string.Join(", ", parts);
    }

    /// <summary>Cuts a provider message to <see cref="MaxMessageLength"/> and folds line breaks, so it is safe in one log line.</summary>
    public static string? Trim(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var oneLine = message.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxMessageLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxMessageLength), "…");
    }
}

namespace WhatsAppMedia.Core;

/// <summary>One row of <see cref="ErrorTable"/>.</summary>
/// <param name="Code">The stable <c>code</c> (<see cref="ErrorCodes"/>).</param>
/// <param name="Status">The HTTP status it is answered with; null for a code that only a <c>-failed</c> entry carries.</param>
/// <param name="Title">The problem answer's <c>title</c>; null with <paramref name="Status"/>.</param>
/// <param name="Retryable">Whether the same request may succeed later without a change by the caller.</param>
/// <param name="OnQueue">What becomes of a queue message whose delivery ends with this code.</param>
internal sealed record ErrorDefinition(string Code, int? Status, string? Title, bool Retryable, QueueFate OnQueue)
{
    /// <summary>Whether a message ending with this code is finished with for good: settled, or written to <c>-failed</c>.</summary>
    public bool Terminal => OnQueue is QueueFate.Settled or QueueFate.Failed;
}

using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>A provider that plays back a script of answers (or actions) and records when each attempt came.</summary>
internal sealed class ScriptedProvider(TimeProvider timeProvider, params Func<CancellationToken, Task<ProviderAnswer>>[] script) : IMediaProvider
{
    private int _calls;

    public string Provider => "meta";

    public List<DateTimeOffset> AttemptTimes { get; } = [];

    public int Calls => _calls;

    /// <summary>The media id of every delete sent, in order.</summary>
    public List<string> DeletedMediaIds { get; } = [];

    public static Func<CancellationToken, Task<ProviderAnswer>> Answer(ProviderOutcome outcome, TimeSpan? retryAfter = null) =>
        _ => Task.FromResult(new ProviderAnswer(outcome, 200, RetryAfter: retryAfter));

    public static Func<CancellationToken, Task<ProviderAnswer>> HangUntilCancelled() =>
        async cancellationToken =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };

    public IdentifierError? Validate(MediaTarget target) =>
        target.MediaId.All(char.IsAsciiDigit) ? null : new IdentifierError("invalid_media_id", "digits only");

    public Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        AttemptTimes.Add(timeProvider.GetUtcNow());
        DeletedMediaIds.Add(target.MediaId);
        var call = Interlocked.Increment(ref _calls);
        return script[Math.Min(call, script.Length) - 1](cancellationToken);
    }
}

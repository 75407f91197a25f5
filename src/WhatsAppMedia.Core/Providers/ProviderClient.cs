using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Pacing;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Deletes one media object, or reads its metadata, through a tenant's provider, retrying throttled, transient and timed-out answers within
/// <see cref="ProviderRetryOptions"/>: a bounded number of attempts, each with its own timeout, all inside one total
/// budget. Honours a provider's <c>Retry-After</c> when it fits the budget; otherwise waits with jittered exponential
/// back-off. Both hosts and the queue processor go through this one class, so retry rules live in one place.
/// </summary>
/// <remarks>
/// Written by hand rather than on Polly.Core's retry and timeout strategies (8.9.1), because the rules here are about
/// the budget, which those strategies do not see: whether to retry at all depends on the wait the answer asks for
/// (a wait past the budget or past <see cref="ProviderRetryOptions.MaxDelay"/> means "report now"); each attempt's
/// timeout is the smaller of <see cref="ProviderRetryOptions.AttemptTimeout"/> and what is left of the budget, and a
/// timeout is an answer (<see cref="ProviderOutcome.TimedOut"/>), not an exception. Polly's timeout must be over 10 ms
/// and its generator's zero or less means "no timeout" (TimeoutStrategyOptions docs in the package), so both rules
/// would need per-call state shared between ShouldHandle, DelayGenerator and TimeoutGenerator plus a layer turning
/// TimeoutRejectedException back into an answer: more code than this loop.
/// </remarks>
internal sealed partial class ProviderClient
{
    private readonly Dictionary<string, IMediaProvider> _providers;
    private readonly Dictionary<string, IMediaMetadataProvider> _metadataProviders;
    private readonly ProviderRetryOptions _retry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProviderClient> _logger;

    public ProviderClient(
        IEnumerable<IMediaProvider> providers,
        IOptions<ProviderRetryOptions> options,
        TimeProvider timeProvider,
        ILogger<ProviderClient> logger,
        IEnumerable<IMediaMetadataProvider>? metadataProviders = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(options);
        _providers = providers.ToDictionary(provider => provider.Provider, StringComparer.Ordinal);
        _metadataProviders = (metadataProviders ?? []).ToDictionary(provider => provider.Provider, StringComparer.Ordinal);
        _retry = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The source of jitter, in [0, 1). Replaceable so tests can pin the back-off.</summary>
    internal Func<double> NextJitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>
    /// The one check of a media id and phone against <paramref name="provider"/>'s own identifier formats, and the only
    /// way to a <see cref="MediaTarget"/>: false with <paramref name="error"/> when either is refused.
    /// </summary>
    public bool TryResolve(string provider, string mediaId, string? phone, [NotNullWhen(true)] out MediaTarget? target, [NotNullWhen(false)] out IdentifierError? error)
    {
        ArgumentNullException.ThrowIfNull(mediaId);
        var candidate = new MediaTarget(mediaId, phone);
        error = Provider(provider).Validate(candidate);
        target = error is null ? candidate : null;
        return error is null;
    }

    /// <summary>Deletes <paramref name="target"/> (made by <see cref="TryResolve"/>, so its identifiers are valid).</summary>
    public Task<DeletionResult> DeleteAsync(ProviderCredentials credentials, MediaTarget target, CancellationToken cancellationToken = default) =>
        DeleteAsync(credentials, target, gate: null, cancellationToken);

    /// <summary>As the public overload, with every attempt taking a slot of the tenant's budget through <paramref name="gate"/> (null: unpaced).</summary>
    internal async Task<DeletionResult> DeleteAsync(ProviderCredentials credentials, MediaTarget target, ProviderRequestGate? gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(target);
        var provider = Provider(credentials.Provider);
        var (answer, attempts) = await RunAsync(provider.Provider, async token => await provider.SendDeleteAsync(target, credentials, token), gate, cancellationToken);
        return new DeletionResult(answer!, attempts);
    }

    /// <summary>
    /// The provider named <paramref name="provider"/> when it can describe media (<see cref="IMediaMetadataProvider"/>),
    /// else null: the caller answers 501 <c>operation_not_supported</c>.
    /// </summary>
    public IMediaMetadataProvider? MetadataProvider(string provider) => _metadataProviders.GetValueOrDefault(provider);

    /// <summary>
    /// Reads <paramref name="target"/>'s metadata, retrying throttled, transient and timed-out answers exactly as
    /// <see cref="DeleteAsync"/> does.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider has no metadata call (check <see cref="MetadataProvider"/> first).</exception>
    public Task<MetadataResult> GetMetadataAsync(ProviderCredentials credentials, MediaTarget target, CancellationToken cancellationToken = default) =>
        GetMetadataAsync(credentials, target, gate: null, cancellationToken);

    /// <summary>As the public overload, with every attempt taking a slot of the tenant's budget through <paramref name="gate"/> (null: unpaced).</summary>
    internal async Task<MetadataResult> GetMetadataAsync(ProviderCredentials credentials, MediaTarget target, ProviderRequestGate? gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(target);
        var provider = MetadataProvider(credentials.Provider)
            ?? throw new InvalidOperationException($"The {credentials.Provider} provider has no metadata call.");
        Retrievals.MediaMetadata? metadata = null;
        var (failure, attempts) = await RunAsync(
            provider.Provider,
            async token =>
            {
                var answer = await provider.SendGetMetadataAsync(target, credentials, token);
                metadata = answer.Metadata;
                return answer.Failure;
            },
            gate,
            cancellationToken);
        return new MetadataResult(failure is null ? metadata : null, failure, attempts);
    }

    /// <summary>
    /// The retry loop of every provider call: <paramref name="send"/> is one attempt, whose answer is null on a success
    /// that carries its own result (metadata) and otherwise says whether to try again.
    /// </summary>
    private async Task<(ProviderAnswer? Answer, int Attempts)> RunAsync(
        string provider, Func<CancellationToken, Task<ProviderAnswer?>> send, ProviderRequestGate? gate, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            if (gate is not null && await gate.BeforeAttemptAsync(cancellationToken) is { } heldBack)
            {
                // Held back by the tenant's budget: this attempt was never sent, so it is not counted.
                return (heldBack, attempt - 1);
            }

            var remaining = _retry.TotalBudget - _timeProvider.GetElapsedTime(started);
            var answer = await AttemptAsync(send, Min(_retry.AttemptTimeout, remaining), cancellationToken);
            if (answer?.Outcome == ProviderOutcome.Throttled && gate is not null)
            {
                await gate.ThrottledAsync(answer.RetryAfter, cancellationToken);
            }

            if (answer is null || !answer.Outcome.IsRetryable() || attempt >= _retry.MaxAttempts)
            {
                return (answer, attempt);
            }

            var delay = DelayBefore(attempt + 1, answer);
            var left = _retry.TotalBudget - _timeProvider.GetElapsedTime(started);
            if (delay is null || delay.Value >= left)
            {
                // Waiting would outlast the budget or the provider's own ask: report now and let the caller defer.
                return (answer, attempt);
            }

            LogRetrying(provider, answer.Outcome, answer.Describe(), attempt, delay.Value);
            await Task.Delay(delay.Value, _timeProvider, cancellationToken);
        }
    }

    private async Task<ProviderAnswer?> AttemptAsync(Func<CancellationToken, Task<ProviderAnswer?>> send, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return new ProviderAnswer(ProviderOutcome.TimedOut, ProviderMessage: "The total time budget ran out before the attempt.");
        }

        using var attemptTimeout = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            return await send(linked.Token);
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProviderAnswer(ProviderOutcome.TimedOut, ProviderMessage: $"No answer within {timeout.TotalMilliseconds:0} ms.");
        }
        catch (HttpRequestException exception)
        {
            // The exception's own message can carry the request URL; say only what kind of failure it was.
            return new ProviderAnswer(ProviderOutcome.Transient, ProviderCode: exception.HttpRequestError.ToString(), ProviderMessage: "The request failed before an answer arrived.");
        }
    }

    /// <summary>
    /// The wait before attempt <paramref name="nextAttempt"/>, or null when the provider asked for more than
    /// <see cref="ProviderRetryOptions.MaxDelay"/>, which is a wait better spent by the caller (queue deferral, 429).
    /// </summary>
    private TimeSpan? DelayBefore(int nextAttempt, ProviderAnswer answer)
    {
        if (answer.RetryAfter is { } asked)
        {
            return asked <= _retry.MaxDelay ? asked + Jitter(TimeSpan.FromTicks(_retry.BaseDelay.Ticks / 2)) : null;
        }

        // Exponential back-off with "equal jitter": at least half the step, so retries never bunch at zero.
        var step = Min(_retry.MaxDelay, _retry.BaseDelay * Math.Pow(2, nextAttempt - 2));
        return (step / 2) + Jitter(step / 2);
    }

    private TimeSpan Jitter(TimeSpan range) => range * NextJitter();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;

    private IMediaProvider Provider(string name) =>
        _providers.TryGetValue(name, out var provider) ? provider : throw new InvalidOperationException($"No provider is registered as '{name}'.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider} answered {Outcome} ({Answer}) on attempt {Attempt}; retrying in {Delay}.")]
    private partial void LogRetrying(string provider, ProviderOutcome outcome, string answer, int attempt, TimeSpan delay);
}

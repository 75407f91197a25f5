using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Testing.Time;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Providers;

public class ProviderClientTests
{
    private static readonly MetaCredentials Credentials = new("token");
    private static readonly MediaTarget Target = new("1234");
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly TimerWatchingTimeProvider _time = new();

    [Fact]
    public async Task A_first_answer_that_is_final_is_returned_without_retrying()
    {
        foreach (var outcome in new[] { ProviderOutcome.Deleted, ProviderOutcome.NotFound, ProviderOutcome.Rejected, ProviderOutcome.CredentialsRefused })
        {
            var provider = new ScriptedProvider(_time, Answer(outcome));

            var result = await Client(provider).DeleteAsync(Credentials, Target);

            result.Outcome.ShouldBe(outcome);
            result.Attempts.ShouldBe(1);
        }
    }

    [Fact]
    public async Task Transient_answers_are_retried_with_exponential_back_off()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Transient), Answer(ProviderOutcome.Transient), Answer(ProviderOutcome.Deleted));
        var start = _time.GetUtcNow();

        var call = Client(provider).DeleteAsync(Credentials, Target);
        (await _time.NextTimerOtherThanAsync(AttemptTimeout)).ShouldBe(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        (await _time.NextTimerOtherThanAsync(AttemptTimeout)).ShouldBe(TimeSpan.FromMilliseconds(200));
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var result = await call;

        result.Outcome.ShouldBe(ProviderOutcome.Deleted);
        result.Attempts.ShouldBe(3);
        provider.AttemptTimes.Select(time => time - start).ShouldBe([TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300)]);
    }

    [Fact]
    public async Task Jitter_spreads_each_wait_over_the_upper_half_of_its_step()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Transient), Answer(ProviderOutcome.Deleted));
        var client = Client(provider);
        client.NextJitter = () => 0.999;

        var call = client.DeleteAsync(Credentials, Target);
        var wait = await _time.NextTimerOtherThanAsync(AttemptTimeout);
        _time.Advance(wait);
        await call;

        wait.ShouldBeInRange(TimeSpan.FromMilliseconds(199), TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_throttled_answer_waits_as_long_as_the_provider_asked()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Throttled, TimeSpan.FromSeconds(2)), Answer(ProviderOutcome.Deleted));

        var call = Client(provider).DeleteAsync(Credentials, Target);
        (await _time.NextTimerOtherThanAsync(AttemptTimeout)).ShouldBe(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await call;

        result.Outcome.ShouldBe(ProviderOutcome.Deleted);
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_throttle_longer_than_the_longest_wait_is_handed_back_to_the_caller_with_its_delay()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Throttled, TimeSpan.FromMinutes(1)), Answer(ProviderOutcome.Deleted));

        var result = await Client(provider).DeleteAsync(Credentials, Target);

        result.Outcome.ShouldBe(ProviderOutcome.Throttled);
        result.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
        result.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Transient));
        var client = Client(provider, retry => retry.MaxAttempts = 2);

        var call = client.DeleteAsync(Credentials, Target);
        _time.Advance(await _time.NextTimerOtherThanAsync(AttemptTimeout));
        var result = await call;

        result.Outcome.ShouldBe(ProviderOutcome.Transient);
        result.Attempts.ShouldBe(2);
        provider.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task No_retry_is_made_whose_wait_would_end_past_the_total_budget()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Transient));
        var client = Client(provider, retry =>
        {
            retry.MaxAttempts = 10;
            retry.TotalBudget = TimeSpan.FromMilliseconds(300);
        });

        var call = client.DeleteAsync(Credentials, Target);
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromMilliseconds(300), "the first attempt may use the whole budget");
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromMilliseconds(200), "the second attempt gets only what is left");
        var result = await call;

        result.Attempts.ShouldBe(2, "a 200 ms wait does not fit in the 200 ms left");
        result.Outcome.ShouldBe(ProviderOutcome.Transient);
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_is_timed_out_and_retried()
    {
        var provider = new ScriptedProvider(_time, HangUntilCancelled(), Answer(ProviderOutcome.Deleted));
        var client = Client(provider, retry => retry.AttemptTimeout = TimeSpan.FromSeconds(1));

        var call = client.DeleteAsync(Credentials, Target);
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        _time.Advance(await _time.NextTimerOtherThanAsync(TimeSpan.FromSeconds(1)));
        var result = await call;

        result.Outcome.ShouldBe(ProviderOutcome.Deleted);
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_last_attempt_that_times_out_reports_timed_out()
    {
        var provider = new ScriptedProvider(_time, HangUntilCancelled());
        var client = Client(provider, retry =>
        {
            retry.MaxAttempts = 1;
            retry.AttemptTimeout = TimeSpan.FromSeconds(1);
        });

        var call = client.DeleteAsync(Credentials, Target);
        _time.Advance(await _time.NextTimerAsync());
        var result = await call;

        result.Outcome.ShouldBe(ProviderOutcome.TimedOut);
        result.Answer.ProviderMessage.ShouldBe("No answer within 1000 ms.");
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_a_timeout()
    {
        var provider = new ScriptedProvider(_time, HangUntilCancelled());
        using var cancellation = new CancellationTokenSource();

        var call = Client(provider).DeleteAsync(Credentials, Target, cancellation.Token);
        await _time.NextTimerAsync();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(call);
    }

    [Fact]
    public async Task A_connection_failure_is_transient_and_its_message_does_not_repeat_the_url()
    {
        var provider = new ScriptedProvider(
            _time,
            _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (https://host/WAApi/media?password=hunter2)"));

        var result = await Client(provider, retry => retry.MaxAttempts = 1).DeleteAsync(Credentials, Target);

        result.Outcome.ShouldBe(ProviderOutcome.Transient);
        result.Answer.ProviderCode.ShouldBe(nameof(HttpRequestError.ConnectionError));
        result.Answer.Describe().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task An_invalid_media_id_gets_no_target_so_the_provider_is_never_called()
    {
        var provider = new ScriptedProvider(_time, Answer(ProviderOutcome.Deleted));
        var client = Client(provider);

        // A MediaTarget only comes from TryResolve, so a request cannot carry an id the provider's format refuses.
        client.TryResolve("meta", "../1", null, out var target, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().Code.ShouldBe("invalid_media_id");
        target.ShouldBeNull();
        client.TryResolve("meta", "1234", null, out var valid, out _).ShouldBeTrue();
        (await client.DeleteAsync(Credentials, valid!)).Outcome.ShouldBe(ProviderOutcome.Deleted);
        provider.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_provider_that_is_not_registered_is_a_clear_error()
    {
        var client = Client(new ScriptedProvider(_time, Answer(ProviderOutcome.Deleted)));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => client.DeleteAsync(new Core.Providers.NxCloud.NxCloudCredentials("ak", "secret"), Target));

        error.Message.ShouldBe("No provider is registered as 'nxcloud'.");
    }

    private ProviderClient Client(IMediaProvider provider, Action<ProviderRetryOptions>? configure = null)
    {
        var options = new ProviderRetryOptions();
        configure?.Invoke(options);
        return new ProviderClient([provider], Options.Create(options), _time, NullLogger<ProviderClient>.Instance)
        {
            NextJitter = () => 0,
        };
    }
}

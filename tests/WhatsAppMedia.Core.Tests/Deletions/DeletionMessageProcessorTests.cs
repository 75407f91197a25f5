using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Tests.Http;
using WhatsAppMedia.Core.Tests.Providers;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>
/// The outcome table of one queue message (docs/formats.md, "Queue message"), row by row, on fakes: a scripted provider,
/// a tenant store of literal lookups and a queue that records what is sent and written to <c>-failed</c>.
/// </summary>
public sealed class DeletionMessageProcessorTests
{
    private const string TenantId = "acme";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly FakeTenantStore _tenants = new();
    private readonly RecordingDeletionQueue _queue = new();
    private readonly MediaDeletionOptions _options = new() { MaxThrottleRetries = 3, DefaultThrottleDelay = TimeSpan.FromSeconds(30), MaxThrottleDelay = TimeSpan.FromMinutes(15) };

    public DeletionMessageProcessorTests() =>
        _tenants.Lookups[TenantId] = TenantLookup.Found(new Tenant(TenantId, new string('0', 64), null, new MetaCredentials("token")));

    [Fact]
    public async Task Deleted_is_done_with_nothing_queued_or_failed()
    {
        var provider = Provider(Answer(ProviderOutcome.Deleted));

        await Processor(provider).ProcessAsync(Message(), dequeueCount: 1);

        provider.Calls.ShouldBe(1);
        _queue.Enqueued.ShouldBeEmpty();
        _queue.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Media_not_found_is_done_with_nothing_queued_or_failed()
    {
        await Processor(Provider(Answer(ProviderOutcome.NotFound))).ProcessAsync(Message(), dequeueCount: 1);

        _queue.Enqueued.ShouldBeEmpty();
        _queue.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttled_with_a_delay_is_requeued_as_the_next_attempt_visible_after_that_delay()
    {
        var text = """{"tenantId":"acme","mediaId":"1234","phone":"5550001","batchId":"b1","requestId":"r1","attempt":1}""";

        await Processor(Provider(Answer(ProviderOutcome.Throttled, TimeSpan.FromSeconds(42)))).ProcessAsync(text, dequeueCount: 1);

        var (message, delay) = _queue.Enqueued.ShouldHaveSingleItem();
        message.ShouldBe(new DeletionMessage(TenantId, "1234", "5550001", "b1", "r1", Attempt: 2));
        delay.ShouldBe(TimeSpan.FromSeconds(42));
        _queue.Failed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    public async Task Throttled_without_a_delay_waits_the_default_doubled_per_deferral(int attempt, int expectedSeconds)
    {
        await Processor(Provider(Answer(ProviderOutcome.Throttled))).ProcessAsync(Message(attempt), dequeueCount: 1);

        _queue.Enqueued.ShouldHaveSingleItem().Delay.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public async Task A_providers_delay_past_the_cap_is_cut_to_MaxThrottleDelay()
    {
        await Processor(Provider(Answer(ProviderOutcome.Throttled, TimeSpan.FromHours(2)))).ProcessAsync(Message(), dequeueCount: 1);

        _queue.Enqueued.ShouldHaveSingleItem().Delay.ShouldBe(_options.MaxThrottleDelay);
    }

    [Fact]
    public async Task The_doubling_default_stops_at_MaxThrottleDelay()
    {
        _options.MaxThrottleRetries = 100;

        // 30 s doubled 20 times would be about a year; the cap holds (and the doubling itself stops at 2^16).
        await Processor(Provider(Answer(ProviderOutcome.Throttled))).ProcessAsync(Message(attempt: 20), dequeueCount: 1);

        _queue.Enqueued.ShouldHaveSingleItem().Delay.ShouldBe(_options.MaxThrottleDelay);
    }

    [Fact]
    public async Task The_last_allowed_deferral_is_still_made()
    {
        await Processor(Provider(Answer(ProviderOutcome.Throttled))).ProcessAsync(Message(attempt: _options.MaxThrottleRetries - 1), dequeueCount: 1);

        _queue.Enqueued.ShouldHaveSingleItem().Message.Attempt.ShouldBe(_options.MaxThrottleRetries);
        _queue.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttled_after_MaxThrottleRetries_deferrals_goes_to_failed_and_is_not_requeued()
    {
        var text = Message(attempt: _options.MaxThrottleRetries);

        await Processor(Provider(Answer(ProviderOutcome.Throttled, TimeSpan.FromSeconds(5)))).ProcessAsync(text, dequeueCount: 1);

        _queue.Enqueued.ShouldBeEmpty();
        var entry = _queue.Failed.ShouldHaveSingleItem();
        entry.Code.ShouldBe(ErrorCodes.ProviderThrottled);
        entry.Detail.ShouldContain($"after {_options.MaxThrottleRetries} deferrals");
        entry.Message.ShouldBe(text);
    }

    [Theory]
    [InlineData(ProviderOutcome.Transient, ErrorCodes.ProviderUnavailable)]
    [InlineData(ProviderOutcome.TimedOut, ErrorCodes.ProviderTimeout)]
    public async Task A_transient_failure_fails_the_delivery_so_the_queue_retries_it(ProviderOutcome outcome, string code)
    {
        var failure = await Should.ThrowAsync<DeliveryFailedException>(() => Processor(Provider(Answer(outcome))).ProcessAsync(Message(), dequeueCount: 1));

        failure.Code.ShouldBe(code);
        _queue.Enqueued.ShouldBeEmpty();
        _queue.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_tenant_store_fails_the_delivery_so_the_queue_retries_it()
    {
        _tenants.Lookups[TenantId] = TenantLookup.Unavailable("Key Vault did not answer.");
        var provider = Provider(Answer(ProviderOutcome.Deleted));

        var failure = await Should.ThrowAsync<DeliveryFailedException>(() => Processor(provider).ProcessAsync(Message(), dequeueCount: 1));

        failure.Code.ShouldBe(ErrorCodes.CredentialsUnavailable);
        provider.Calls.ShouldBe(0);
        _queue.Failed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TenantLookupStatus.Disabled, ErrorCodes.TenantDisabled)]
    [InlineData(TenantLookupStatus.Refused, ErrorCodes.TenantMisconfigured)]
    // Internal because TenantLookupStatus is; xunit also runs non-public test methods.
    internal async Task A_disabled_secret_or_a_refused_identity_goes_to_failed_even_on_the_last_delivery_without_a_call(TenantLookupStatus status, string code)
    {
        _tenants.Lookups[TenantId] = status == TenantLookupStatus.Disabled
            ? TenantLookup.Disabled
            : TenantLookup.Refused("The service is not allowed to read the tenant's document.");
        var provider = Provider(Answer(ProviderOutcome.Deleted));

        await Processor(provider).ProcessAsync(Message(), dequeueCount: 5);

        provider.Calls.ShouldBe(0);
        _queue.Failed.ShouldHaveSingleItem().Code.ShouldBe(code);
        _queue.Enqueued.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ProviderOutcome.Rejected, ErrorCodes.ProviderRejected)]
    [InlineData(ProviderOutcome.CredentialsRefused, ErrorCodes.ProviderAuthFailed)]
    public async Task A_provider_refusal_goes_to_failed_with_the_original_text_and_the_time(ProviderOutcome outcome, string code)
    {
        var text = Message();

        await Processor(Provider(Answer(outcome))).ProcessAsync(text, dequeueCount: 1);

        var entry = _queue.Failed.ShouldHaveSingleItem();
        entry.ShouldBe(entry with { Message = text, Code = code, FailedAt = Now, MessageTruncated = false });
        _queue.Enqueued.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json", ErrorCodes.MalformedMessage)]
    [InlineData("""{"mediaId":"1234"}""", ErrorCodes.MalformedMessage)]
    [InlineData("""{"tenantId":"Not A Tenant","mediaId":"1234"}""", ErrorCodes.InvalidTenantId)]
    [InlineData("""{"tenantId":"nobody","mediaId":"1234"}""", ErrorCodes.UnknownTenant)]
    [InlineData("""{"tenantId":"acme","mediaId":"not-digits"}""", ErrorCodes.InvalidMediaId)]
    public async Task A_message_that_cannot_succeed_goes_to_failed_before_anything_is_sent(string text, string code)
    {
        var provider = Provider(Answer(ProviderOutcome.Deleted));

        await Processor(provider).ProcessAsync(text, dequeueCount: 1);

        provider.Calls.ShouldBe(0);
        var entry = _queue.Failed.ShouldHaveSingleItem();
        entry.Code.ShouldBe(code);
        entry.Message.ShouldBe(text);
        _queue.Enqueued.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unusable_tenant_document_goes_to_failed_naming_the_field()
    {
        _tenants.Lookups[TenantId] = TenantLookup.Invalid(TenantDocumentError.For("credentials.accessToken", "is required"), apiKeySha256: null);
        var provider = Provider(Answer(ProviderOutcome.Deleted));

        await Processor(provider).ProcessAsync(Message(), dequeueCount: 1);

        provider.Calls.ShouldBe(0);
        var entry = _queue.Failed.ShouldHaveSingleItem();
        entry.Code.ShouldBe(ErrorCodes.TenantMisconfigured);
        entry.Detail.ShouldContain("credentials.accessToken");
    }

    [Fact]
    public async Task A_delivery_cancelled_mid_provider_call_fails_without_recording_anything()
    {
        using var host = new CancellationTokenSource();
        var provider = Provider(CancelledBy(host));

        await Should.ThrowAsync<OperationCanceledException>(() => Processor(provider).ProcessAsync(Message(), dequeueCount: 1, host.Token));

        provider.Calls.ShouldBe(1);
        _queue.Enqueued.ShouldBeEmpty();
        _queue.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_last_delivery_cancelled_mid_provider_call_is_queued_again_unchanged_instead_of_poisoned()
    {
        using var host = new CancellationTokenSource();
        var provider = Provider(CancelledBy(host));

        // Returns normally: the trigger completes the original, so it is not moved to -poison.
        await Processor(provider).ProcessAsync(Message(attempt: 2), dequeueCount: 5, host.Token);

        var (message, delay) = _queue.Enqueued.ShouldHaveSingleItem();
        message.MediaId.ShouldBe("1234");
        message.Attempt.ShouldBe(2);
        delay.ShouldBe(TimeSpan.Zero);
        _queue.Failed.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cancelled_last_delivery_whose_hand_back_fails_fails_as_before()
    {
        using var host = new CancellationTokenSource();
        _queue.RefuseEnqueue = true;

        await Should.ThrowAsync<OperationCanceledException>(() => Processor(Provider(CancelledBy(host))).ProcessAsync(Message(), dequeueCount: 5, host.Token));

        _queue.Failed.ShouldBeEmpty();
    }

    /// <summary>A provider call during which the host cancels the invocation, as a shutdown does mid-request.</summary>
    private static Func<CancellationToken, Task<ProviderAnswer>> CancelledBy(CancellationTokenSource host) => async cancellationToken =>
    {
        await host.CancelAsync();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    private static string Message(int attempt = 0) => $$"""{"tenantId":"acme","mediaId":"1234","attempt":{{attempt}}}""";

    private ScriptedProvider Provider(params Func<CancellationToken, Task<ProviderAnswer>>[] script) => new(_clock, script);

    private DeletionMessageProcessor Processor(ScriptedProvider provider)
    {
        // One attempt per call: the retry loop inside a call is ProviderClientTests' business, not the table's.
        var providers = Options.Create(new ProviderRetryOptions { MaxAttempts = 1 });
        var client = new ProviderClient([provider], providers, _clock, NullLogger<ProviderClient>.Instance);
        var deleter = new TenantMediaDeleter(_tenants, client, new InFlightDeletions(), NullLogger<TenantMediaDeleter>.Instance);
        var settings = new QueueHostSettings(new ConfigurationBuilder().Build(), QueueMessageEncoding.Base64);
        // The messages belong to no batch, so batch state is never touched (the batch tests of the store and of the local host cover it).
        var batches = new BatchProgress(new UnreachableBatchStore(), settings, _clock, NullLogger<BatchProgress>.Instance);
        return new DeletionMessageProcessor(
            _tenants, client, deleter, _queue, Options.Create(_options), settings, _clock, batches, NullLogger<DeletionMessageProcessor>.Instance);
    }

    private sealed class FakeTenantStore : ITenantStore
    {
        public Dictionary<string, TenantLookup> Lookups { get; } = new(StringComparer.Ordinal);

        public ValueTask<TenantLookup> GetAsync(string tenantId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Lookups.TryGetValue(tenantId, out var lookup) ? lookup : TenantLookup.NotFound);

        public void Invalidate(string tenantId)
        {
        }

        public TenantLookup? UncachedLookupRefusal() => null;
    }
}

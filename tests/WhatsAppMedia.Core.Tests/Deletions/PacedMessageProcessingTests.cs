using System.Diagnostics.Metrics;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Tests.Http;
using WhatsAppMedia.Core.Tests.Providers;
using WhatsAppMedia.Core.Tests.Support;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>
/// A paced tenant's queue message against its slot (docs/pacing.md), with the shared schedule on Azurite and a fake
/// clock: one shown a little early is held until its slot and sent; one that arrives past the tolerance has lost its
/// slot and is queued again on a new one without a provider call. Both are measured on the service's meter.
/// </summary>
public sealed class PacedMessageProcessingTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite;
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly RecordingDeletionQueue _queue = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<string> _reschedules = [];
    private readonly List<double> _lateness = [];
    private readonly Tenant _tenant;

    public PacedMessageProcessingTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _tenant = new Tenant($"paced{Guid.NewGuid():N}"[..20], new string('0', 64), null, new MetaCredentials("token"), RequestsPerSecond: 5);
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == DeletionMetrics.ReschedulesCounterName)
            {
                _reschedules.Add((string)tags.ToArray().Single(tag => tag.Key == "reason").Value!);
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _lateness.Add(value));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task A_message_shown_early_within_the_tolerance_is_held_until_its_slot_and_sent()
    {
        var provider = new ScriptedProvider(_clock, Answer(ProviderOutcome.Deleted));
        var (processor, _) = Processor(provider);
        var slot = Now + TimeSpan.FromMilliseconds(400);

        var processing = processor.ProcessAsync(Message(slot), dequeueCount: 1);
        provider.Calls.ShouldBe(0, "not before its slot");
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        await processing;

        provider.AttemptTimes.ShouldBe([slot]);
        _queue.Enqueued.ShouldBeEmpty();
        _reschedules.ShouldBeEmpty();
        _lateness.ShouldBe([-0.4]);
    }

    [Fact]
    public async Task A_message_past_the_tolerance_takes_a_new_slot_after_the_schedule_and_sends_nothing()
    {
        var provider = new ScriptedProvider(_clock, Answer(ProviderOutcome.Deleted));
        var (processor, pacer) = Processor(provider);
        // The rest of the job holds the next 10 s of the tenant's schedule.
        await pacer.ScheduleAsync(_tenant, 50, CancellationToken.None);
        var slot = Now - TimeSpan.FromSeconds(3);

        await processor.ProcessAsync(Message(slot), dequeueCount: 1);

        provider.Calls.ShouldBe(0);
        var (message, delay) = _queue.Enqueued.ShouldHaveSingleItem();
        message.NotBefore.ShouldBe(Now + TimeSpan.FromSeconds(10), "the first slot after what the job holds");
        message.Attempt.ShouldBe(0, "being late is not a refusal");
        delay.ShouldBe(TimeSpan.FromSeconds(10));
        _reschedules.ShouldBe(["late"]);
        _lateness.ShouldBe([3.0]);
    }

    private string Message(DateTimeOffset slot) =>
        new DeletionMessage(_tenant.Id, "1234") { NotBefore = slot }.ToJson();

    private (DeletionMessageProcessor Processor, TenantPacer Pacer) Processor(ScriptedProvider provider)
    {
        var tenants = new OneTenantStore(_tenant);
        var client = new ProviderClient([provider], Options.Create(new ProviderRetryOptions { MaxAttempts = 1 }), _clock, NullLogger<ProviderClient>.Instance);
        var pacer = new TenantPacer(new TablePacingStore(_azurite.Tables(), _clock), ProviderRegistry.BuiltIn, Options.Create(new PacingOptions()), _clock);
        var metrics = new DeletionMetrics(_services.GetRequiredService<IMeterFactory>());
        var deleter = new TenantMediaDeleter(tenants, client, new InFlightDeletions(), NullLogger<TenantMediaDeleter>.Instance, metrics, pacer);
        var settings = new QueueHostSettings(new ConfigurationBuilder().Build(), QueueMessageEncoding.Base64);
        // The messages belong to no batch, so batch state is never touched.
        var batches = new BatchProgress(new UnreachableBatchStore(), settings, _clock, NullLogger<BatchProgress>.Instance);
        var processor = new DeletionMessageProcessor(
            tenants, client, deleter, _queue, Options.Create(new MediaDeletionOptions()), settings, _clock, batches, NullLogger<DeletionMessageProcessor>.Instance, pacer, metrics);
        return (processor, pacer);
    }
}

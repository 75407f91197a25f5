using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Tests.Providers;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>Every deletion the core finishes is counted once, tagged with the provider and the final outcome only.</summary>
public sealed class DeletionMetricsTests : IDisposable
{
    private static readonly Tenant Tenant = new("acme", new string('0', 64), Phone: null, new MetaCredentials("secret-token"));

    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, Dictionary<string, object?> Tags)> _measurements = [];

    public DeletionMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        // Only this test's meter: other tests record on meters of their own factories at the same time.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DeletionMetrics.MeterName && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value)));
            }
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Theory]
    [InlineData(ProviderOutcome.Deleted, "deleted")]
    [InlineData(ProviderOutcome.NotFound, "not_found")]
    [InlineData(ProviderOutcome.Transient, "transient")]
    public async Task One_deletion_is_one_count_tagged_with_provider_and_final_outcome(ProviderOutcome outcome, string outcomeName)
    {
        var deleter = Deleter(new ScriptedProvider(_time, Answer(outcome)));

        await deleter.DeleteAsync(Tenant, new MediaTarget("1234"));

        var measurement = _measurements.ShouldHaveSingleItem();
        measurement.Value.ShouldBe(1);
        measurement.Tags.ShouldBe(new Dictionary<string, object?> { ["provider"] = "meta", ["outcome"] = outcomeName }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_retry_with_fresh_credentials_still_counts_once_with_the_final_outcome()
    {
        var deleter = Deleter(new ScriptedProvider(_time, Answer(ProviderOutcome.CredentialsRefused), Answer(ProviderOutcome.Deleted)));

        await deleter.DeleteAsync(Tenant, new MediaTarget("1234"));

        _measurements.ShouldHaveSingleItem().Tags["outcome"].ShouldBe("deleted");
    }

    private TenantMediaDeleter Deleter(IMediaProvider provider)
    {
        var options = Options.Create(new ProviderRetryOptions { MaxAttempts = 1 });
        var client = new ProviderClient([provider], options, _time, NullLogger<ProviderClient>.Instance);
        return new TenantMediaDeleter(
            new OneTenantStore(Tenant),
            client,
            new InFlightDeletions(),
            NullLogger<TenantMediaDeleter>.Instance,
            new DeletionMetrics(_services.GetRequiredService<IMeterFactory>()));
    }
}

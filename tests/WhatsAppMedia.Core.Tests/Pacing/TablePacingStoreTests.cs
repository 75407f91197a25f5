using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Pacing;

/// <summary>
/// The shared schedule on a real Azurite table service, with one store per simulated instance: reservations that race
/// never share a slot, a refused wait reserves nothing, and a pause is seen by every instance.
/// </summary>
public sealed class TablePacingStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task Three_instances_reserving_at_once_get_disjoint_slots_at_the_tenant_rate()
    {
        var tenant = NewTenant();
        var instances = Enumerable.Range(0, 3).Select(_ => new TablePacingStore(fixture.Tables(), _clock)).ToArray();

        var reservations = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            instances[i % 3].ReserveAsync(tenant, 5, 4, maxWait: null, CancellationToken.None)));

        var slots = reservations.SelectMany(r => Enumerable.Range(0, r.Reservation!.Count).Select(r.Reservation.SlotAt)).Order().ToList();
        slots.Count.ShouldBe(120);
        slots[0].ShouldBe(Now);
        slots.Zip(slots.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap == TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_reserves_nothing_and_says_when_to_come_back()
    {
        var tenant = NewTenant();
        var store = new TablePacingStore(fixture.Tables(), _clock);
        await store.ReserveAsync(tenant, 1, 10, maxWait: null, CancellationToken.None);

        var (refused, firstFree) = await store.ReserveAsync(tenant, 1, 1, TimeSpan.FromSeconds(2), CancellationToken.None);

        refused.ShouldBeNull();
        firstFree.ShouldBe(Now + TimeSpan.FromSeconds(10));
        (await store.ReadAsync(tenant, CancellationToken.None)).NextSlotAt.ShouldBe(Now + TimeSpan.FromSeconds(10), "a refused call holds no slot");
    }

    [Fact]
    public async Task A_pause_written_by_one_instance_holds_back_the_others()
    {
        var tenant = NewTenant();
        var first = new TablePacingStore(fixture.Tables(), _clock);
        var second = new TablePacingStore(fixture.Tables(), _clock);

        await first.PauseAsync(tenant, Now + TimeSpan.FromMinutes(3), CancellationToken.None);
        var (reservation, _) = await second.ReserveAsync(tenant, 100, 1, maxWait: null, CancellationToken.None);

        reservation!.FirstSlot.ShouldBe(Now + TimeSpan.FromMinutes(3));
        (await second.ReadAsync(tenant, CancellationToken.None)).PausedUntil.ShouldBe(Now + TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task A_crashed_instance_leaves_only_the_slots_it_reserved_behind()
    {
        var tenant = NewTenant();

        // An instance reserves a full batch and dies before queueing any of it.
        await new TablePacingStore(fixture.Tables(), _clock).ReserveAsync(tenant, 5, 1000, maxWait: null, CancellationToken.None);

        // The next reservation starts once those slots have passed: at most 1000 items / 5 per second later, never more.
        _clock.Advance(TimeSpan.FromSeconds(1));
        var (reservation, _) = await new TablePacingStore(fixture.Tables(), _clock).ReserveAsync(tenant, 5, 1, maxWait: null, CancellationToken.None);
        reservation!.FirstSlot.ShouldBe(Now + TimeSpan.FromSeconds(200));

        // And once they have passed, nothing of it remains.
        _clock.Advance(TimeSpan.FromSeconds(499));
        var (later, _) = await new TablePacingStore(fixture.Tables(), _clock).ReserveAsync(tenant, 5, 1, maxWait: null, CancellationToken.None);
        later!.FirstSlot.ShouldBe(Now + TimeSpan.FromSeconds(500));
    }

    [Fact]
    public async Task Slots_start_when_the_row_was_read_not_when_a_slow_call_began()
    {
        var tenant = NewTenant();

        // Every storage round trip takes 700 ms of the clock, as a first call that creates the table can.
        var options = new TableClientOptions();
        options.AddPolicy(new ClockAdvancingPolicy(_clock, TimeSpan.FromMilliseconds(700)), HttpPipelinePosition.PerCall);
        var slow = new TablePacingStore(new TableServiceClient(fixture.Azurite.ConnectionString, options), _clock);

        var (reservation, _) = await slow.ReserveAsync(tenant, 5, 10, maxWait: null, CancellationToken.None);

        reservation!.FirstSlot.ShouldBe(_clock.GetUtcNow() - TimeSpan.FromMilliseconds(700), "only the write's own round trip came after the first slot was chosen");
        reservation.FirstSlot.ShouldBeGreaterThan(Now, "the read of the row came before the slots");
    }

    private static string NewTenant() => $"t{Guid.NewGuid():N}"[..20];

    /// <summary>Moves a fake clock on by a fixed time for every request the client sends.</summary>
    private sealed class ClockAdvancingPolicy(FakeTimeProvider clock, TimeSpan perRequest) : HttpPipelineSynchronousPolicy
    {
        public override void OnReceivedResponse(HttpMessage message) => clock.Advance(perRequest);
    }
}

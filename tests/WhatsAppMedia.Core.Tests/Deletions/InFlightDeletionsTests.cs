using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Deletions;

public class InFlightDeletionsTests
{
    private static readonly InFlightDeletionKey Key = new("acme", "meta", "1234", null);
    private static readonly DeletionResult Deleted = new(ProviderAnswer.Deleted(200), 1);

    [Fact]
    public async Task Concurrent_deletions_of_one_object_share_one_call_and_its_result()
    {
        var inFlight = new InFlightDeletions();
        var release = new TaskCompletionSource<DeletionResult>();
        var calls = 0;
        Task<DeletionResult> Call()
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        }

        var waiting = Enumerable.Range(0, 50).Select(_ => inFlight.JoinOrStartAsync(Key, Call, CancellationToken.None)).ToList();
        inFlight.Count.ShouldBe(1);
        release.SetResult(Deleted);
        var results = await Task.WhenAll(waiting);

        calls.ShouldBe(1);
        results.ShouldAllBe(result => ReferenceEquals(result, Deleted));
        inFlight.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_call_is_shared_only_while_it_runs_and_only_for_the_same_key()
    {
        var inFlight = new InFlightDeletions();
        var calls = 0;
        Task<DeletionResult> Call()
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(Deleted);
        }

        await inFlight.JoinOrStartAsync(Key, Call, CancellationToken.None);
        await inFlight.JoinOrStartAsync(Key, Call, CancellationToken.None);
        await inFlight.JoinOrStartAsync(Key with { Phone = "106540352242922" }, Call, CancellationToken.None);
        await inFlight.JoinOrStartAsync(Key with { TenantId = "other" }, Call, CancellationToken.None);

        calls.ShouldBe(4);
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_and_the_others_still_get_the_result()
    {
        var inFlight = new InFlightDeletions();
        var release = new TaskCompletionSource<DeletionResult>();
        using var givesUp = new CancellationTokenSource();

        var first = inFlight.JoinOrStartAsync(Key, () => release.Task, givesUp.Token);
        var second = inFlight.JoinOrStartAsync(Key, () => throw new InvalidOperationException("not called"), CancellationToken.None);
        await givesUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(first);
        release.SetResult(Deleted);
        (await second).ShouldBeSameAs(Deleted);
    }

    [Fact]
    public async Task A_failing_call_fails_every_caller_and_is_forgotten()
    {
        var inFlight = new InFlightDeletions();
        var release = new TaskCompletionSource<DeletionResult>();

        var first = inFlight.JoinOrStartAsync(Key, () => release.Task, CancellationToken.None);
        var second = inFlight.JoinOrStartAsync(Key, () => release.Task, CancellationToken.None);
        release.SetException(new InvalidOperationException("boom"));

        (await Should.ThrowAsync<InvalidOperationException>(first)).Message.ShouldBe("boom");
        (await Should.ThrowAsync<InvalidOperationException>(second)).Message.ShouldBe("boom");
        inFlight.Count.ShouldBe(0);
        (await inFlight.JoinOrStartAsync(Key, () => Task.FromResult(Deleted), CancellationToken.None)).ShouldBeSameAs(Deleted);
    }
}

using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>Whole seconds for Put Message: a deferral never shows early, a paced message shows as close to its slot as the queue allows.</summary>
public sealed class QueueVisibilityDelayTests
{
    private static readonly DeletionMessage Deferred = new("acme", "1234");
    private static readonly DeletionMessage Paced = new("acme", "1234") { NotBefore = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero) };

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.001, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.2, 2)]
    [InlineData(59.9, 60)]
    public void A_deferred_message_is_rounded_up(double requested, int expected) =>
        QueueVisibilityDelay.For(Deferred, TimeSpan.FromSeconds(requested)).ShouldBe(TimeSpan.FromSeconds(expected));

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.3, 0)]
    [InlineData(0.5, 1)]
    [InlineData(1.2, 1)]
    [InlineData(1.7, 2)]
    public void A_paced_message_is_rounded_to_the_nearest_second(double requested, int expected) =>
        QueueVisibilityDelay.For(Paced, TimeSpan.FromSeconds(requested)).ShouldBe(TimeSpan.FromSeconds(expected));

    [Theory]
    [InlineData(7 * 86_400.0)]
    [InlineData(864_000.0)]
    [InlineData(7 * 86_400.0 - 0.2)]
    public void Seven_days_and_beyond_are_capped_at_the_queues_limit(double requested)
    {
        QueueVisibilityDelay.For(Deferred, TimeSpan.FromSeconds(requested)).ShouldBe(TimeSpan.FromDays(7));
        QueueVisibilityDelay.For(Paced, TimeSpan.FromSeconds(requested)).ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public void A_negative_delay_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => QueueVisibilityDelay.For(Paced, TimeSpan.FromSeconds(-1)));
}

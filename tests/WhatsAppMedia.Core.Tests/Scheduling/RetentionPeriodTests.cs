using WhatsAppMedia.Core.Scheduling;

namespace WhatsAppMedia.Core.Tests.Scheduling;

/// <summary>A tenant's <c>retention.deleteAfter</c>: whole weeks, days, hours, minutes, seconds; more than zero, at most 3,650 days.</summary>
public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("P7D", 7 * 86400)]
    [InlineData("PT12H", 12 * 3600)]
    [InlineData("P1W", 7 * 86400)]
    [InlineData("P1DT6H", 30 * 3600)]
    [InlineData("PT90M", 90 * 60)]
    [InlineData("PT1S", 1)]
    [InlineData("P3650D", 3650 * 86400)]
    public void A_duration_in_fixed_units_is_read(string text, int seconds)
    {
        RetentionPeriod.TryParse(text, out var problem).ShouldBe(TimeSpan.FromSeconds(seconds));
        problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("P1Y", "years or months")]
    [InlineData("P6M", "years or months")]
    [InlineData("P0D", "longer than zero")]
    [InlineData("PT0S", "longer than zero")]
    [InlineData("P3651D", "at most 3650 days")]
    [InlineData("P522W", "at most 3650 days")]
    [InlineData("P", "ISO 8601 duration")]
    [InlineData("PT", "ISO 8601 duration")]
    [InlineData("P1DT", "ISO 8601 duration")]
    [InlineData("-P1D", "ISO 8601 duration")]
    [InlineData("P1.5D", "ISO 8601 duration")]
    [InlineData("p7d", "ISO 8601 duration")]
    [InlineData("7 days", "ISO 8601 duration")]
    [InlineData("P99999999D", "ISO 8601 duration")]
    [InlineData("", "ISO 8601 duration")]
    public void Anything_else_is_refused_with_what_is_wrong(string text, string problemPart)
    {
        RetentionPeriod.TryParse(text, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(problemPart);
    }

    [Theory]
    [InlineData(7 * 86400, "P7D")]
    [InlineData(12 * 3600, "PT12H")]
    [InlineData((30 * 3600) + 61, "P1DT6H1M1S")]
    public void A_duration_is_written_in_days_hours_minutes_and_seconds(int seconds, string text)
    {
        RetentionPeriod.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(text);
        RetentionPeriod.TryParse(text, out _).ShouldBe(TimeSpan.FromSeconds(seconds));
    }
}

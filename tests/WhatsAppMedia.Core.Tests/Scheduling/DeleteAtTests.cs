using WhatsAppMedia.Core.Scheduling;

namespace WhatsAppMedia.Core.Tests.Scheduling;

/// <summary>The <c>deleteAt</c> rules of docs/scheduling.md, "deleteAt".</summary>
public sealed class DeleteAtTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2027-01-31T09:00:00Z", "2027-01-31T09:00:00+00:00")]
    [InlineData("2026-12-07T10:00:00.5Z", "2026-12-07T10:00:00.5+00:00")]
    [InlineData("2026-12-07T10:00:00.1234567Z", "2026-12-07T10:00:00.1234567+00:00")]
    [InlineData("2036-12-04T10:00:00Z", "2036-12-04T10:00:00+00:00")]
    public void A_UTC_time_ahead_is_the_due_time(string text, string expected)
    {
        DeleteAt.TryResolve(text, isMalformed: false, "deleteAt", Now, out var due, out var problem).ShouldBeTrue(problem);
        due.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-12-07T10:00:00Z")]
    [InlineData("2020-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Absent_now_or_past_means_now(string? text)
    {
        DeleteAt.TryResolve(text, isMalformed: false, "deleteAt", Now, out var due, out var problem).ShouldBeTrue(problem);
        due.ShouldBeNull();
    }

    [Theory]
    [InlineData("2027-01-31T09:00:00+02:00", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31T09:00:00+00:00", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31T09:00:00", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31 09:00:00Z", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31T09:00:00z", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("10000-01-01T00:00:00Z", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31T09:00:00.12345678Z", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-01-31T09:00:00Z\n", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("tomorrow", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("", "must be an ISO 8601 UTC time ending in Z")]
    [InlineData("2027-02-30T09:00:00Z", "is not a date and time that exists")]
    [InlineData("2027-13-01T09:00:00Z", "is not a date and time that exists")]
    [InlineData("2027-01-31T24:00:00Z", "is not a date and time that exists")]
    [InlineData("2036-12-05T10:00:01Z", "at most 3,650 days ahead")]
    [InlineData("9999-12-31T23:59:59Z", "at most 3,650 days ahead")]
    public void Anything_else_is_refused_naming_the_field(string text, string expected)
    {
        DeleteAt.TryResolve(text, isMalformed: false, "items[3].deleteAt", Now, out var due, out var problem).ShouldBeFalse();
        due.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith("'items[3].deleteAt' ");
        problem.ShouldContain(expected);
    }

    [Fact]
    public void Exactly_3650_days_ahead_is_the_limit()
    {
        DeleteAt.TryResolve("2036-12-04T10:00:00Z", isMalformed: false, "deleteAt", Now, out _, out _).ShouldBeTrue("3,650 days ahead");
        DeleteAt.TryResolve("2036-12-04T10:00:00.0000001Z", isMalformed: false, "deleteAt", Now, out _, out _).ShouldBeFalse("a tick past it");
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_refused()
    {
        DeleteAt.TryResolve(null, isMalformed: true, "deleteAt", Now, out _, out var problem).ShouldBeFalse();
        problem.ShouldBe("'deleteAt' must be a string: an ISO 8601 UTC time such as 2027-01-31T09:00:00Z.");
    }

    [Fact]
    public void A_long_hostile_value_is_shown_cut_short()
    {
        var text = new string('9', 10_000);
        DeleteAt.TryResolve(text, isMalformed: false, "deleteAt", Now, out _, out var problem).ShouldBeFalse();
        problem!.Length.ShouldBeLessThan(200);
        problem.ShouldContain(new string('9', 40) + "…'");
    }
}

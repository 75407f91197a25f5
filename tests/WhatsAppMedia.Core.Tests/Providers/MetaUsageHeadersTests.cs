using WhatsAppMedia.Core.Providers.Meta;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>Meta's usage headers, in the shape https://developers.facebook.com/docs/graph-api/overview/rate-limiting/ shows.</summary>
public sealed class MetaUsageHeadersTests
{
    [Fact]
    public void The_business_use_case_estimate_is_read_in_minutes()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation(
            MetaUsageHeaders.BusinessUseCaseUsage,
            """{"112233445566778":[{"type":"whatsapp_business_management","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":19}]}""");

        MetaUsageHeaders.RegainAccessIn(response).ShouldBe(TimeSpan.FromMinutes(19));
    }

    [Fact]
    public void The_largest_estimate_of_either_header_wins()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation(
            MetaUsageHeaders.BusinessUseCaseUsage,
            """{"1":[{"type":"a","estimated_time_to_regain_access":3},{"type":"b","estimated_time_to_regain_access":7}]}""");
        response.Headers.TryAddWithoutValidation(MetaUsageHeaders.AppUsage, """{"call_count":100,"total_time":40,"total_cputime":12,"estimated_time_to_regain_access":5}""");

        MetaUsageHeaders.RegainAccessIn(response).ShouldBe(TimeSpan.FromMinutes(7));
    }

    [Theory]
    [InlineData("""{"call_count":28,"total_time":25,"total_cputime":25}""")]
    [InlineData("""{"1":[{"type":"a","estimated_time_to_regain_access":0}]}""")]
    [InlineData("not json")]
    [InlineData("""{"1":[{"estimated_time_to_regain_access":"19"}]}""")]
    public void Headers_without_a_positive_numeric_estimate_say_nothing(string value)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation(MetaUsageHeaders.BusinessUseCaseUsage, value);

        MetaUsageHeaders.RegainAccessIn(response).ShouldBeNull();
    }

    [Fact]
    public void An_absurd_estimate_is_capped_at_the_queue_limit_of_seven_days()
    {
        MetaUsageHeaders.LargestMinutes("""{"1":[{"estimated_time_to_regain_access":99999999}]}""").ShouldBe((long)TimeSpan.FromDays(7).TotalMinutes);
    }
}

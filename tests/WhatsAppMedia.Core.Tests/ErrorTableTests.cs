using System.Reflection;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests;

/// <summary>The one table of codes (docs/api.md, "Codes"): complete, consistent, and what the outcomes map to.</summary>
public sealed class ErrorTableTests
{
    [Fact]
    public void Every_code_has_exactly_one_row_and_every_row_is_a_code()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        ErrorTable.All.Select(row => row.Code).Order(StringComparer.Ordinal).ToArray().ShouldBe(codes);
    }

    [Fact]
    public void An_http_code_has_a_title_and_a_queue_only_code_ends_in_failed()
    {
        foreach (var row in ErrorTable.All)
        {
            if (row.Status is null)
            {
                (row.Title, row.OnQueue).ShouldBe((null, QueueFate.Failed), row.Code);
            }
            else
            {
                row.Title.ShouldNotBeNullOrWhiteSpace(row.Code);
                row.Status.Value.ShouldBeInRange(400, 599, row.Code);
            }
        }
    }

    [Theory]
    [InlineData(ProviderOutcome.NotFound, "media_not_found", 404, false, "Settled")]
    [InlineData(ProviderOutcome.Throttled, "provider_throttled", 429, true, "Deferred")]
    [InlineData(ProviderOutcome.RateLimited, "rate_limited", 429, true, "Deferred")]
    [InlineData(ProviderOutcome.Transient, "provider_unavailable", 503, true, "Retried")]
    [InlineData(ProviderOutcome.TimedOut, "provider_timeout", 504, true, "Retried")]
    [InlineData(ProviderOutcome.CredentialsRefused, "provider_auth_failed", 502, false, "Failed")]
    [InlineData(ProviderOutcome.Rejected, "provider_rejected", 502, false, "Failed")]
    public void Each_provider_outcome_maps_to_its_row(ProviderOutcome outcome, string code, int status, bool retryable, string onQueue)
    {
        OutcomeCodes.For(outcome).ShouldBe(code);
        var row = ErrorTable.For(code);
        (row.Status, row.Retryable, row.OnQueue).ShouldBe((status, retryable, Enum.Parse<QueueFate>(onQueue)));
        // What a caller may retry is exactly what the in-call retries retry, plus the service's own hold-back.
        row.Retryable.ShouldBe(outcome.IsRetryable() || outcome == ProviderOutcome.RateLimited);
    }

    [Fact]
    public void Every_outcome_but_deleted_has_a_code()
    {
        foreach (var outcome in Enum.GetValues<ProviderOutcome>().Where(outcome => outcome != ProviderOutcome.Deleted))
        {
            ErrorTable.For(OutcomeCodes.For(outcome).ShouldNotBeNull()).ShouldNotBeNull();
        }
    }

    [Fact]
    public void An_unknown_code_is_a_clear_error() =>
        Should.Throw<ArgumentException>(() => ErrorTable.For("no_such_code")).Message.ShouldContain("no_such_code");
}

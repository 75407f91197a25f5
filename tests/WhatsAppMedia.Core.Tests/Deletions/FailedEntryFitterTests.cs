using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using Azure.Storage.Queues;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>
/// Every kind of message whose <c>-failed</c> entry would outgrow the queue's 64 KiB once escaped and encoded, and what
/// the entry then holds (docs/formats.md, "-failed entry"). The largest message the queue takes in base64 is 49,152 bytes of text.
/// </summary>
public class FailedEntryFitterTests
{
    private const int LargestBase64Text = QueueMessageSize.MaxStoredBytes / 4 * 3;
    private static readonly DateTimeOffset At = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    /// <summary>Messages that fit the queue themselves, padded to its limit, and why each outgrows it once recorded.</summary>
    public static TheoryData<string, string> Oversized => new()
    {
        // Plain ASCII: base64 of the entry adds the entry's own fields to a message already at the limit.
        { "a big unknown field", Pad("""{"tenantId":"nobody-here","mediaId":"1","note":"#"}""", 'a') },
        // JSON's escaping: each quote costs two bytes more in the entry...
        { "many escaped quotes", Pad("""{"tenantId":"nobody-here","mediaId":"1","note":"#"}""", "\\\"") },
        // ...each <, >, &, ' and + six.
        { "many HTML-sensitive characters", Pad("""{"tenantId":"nobody-here","mediaId":"1","note":"#"}""", '<') },
        // Every non-ASCII character six (two or three bytes in UTF-8).
        { "non-ASCII text", Pad("""{"tenantId":"nobody-here","mediaId":"1","note":"#"}""", '\u00e9') },
        // Control characters, escaped as six.
        { "escaped control characters", Pad("""{"tenantId":"nobody-here","mediaId":"1","note":"#"}""", "\\u0001") },
        // Many unknown fields.
        { "many small unknown fields", "{\"tenantId\":\"nobody-here\",\"mediaId\":\"1\"" + string.Concat(Enumerable.Range(0, 3200).Select(i => $",\"f{i}\":\"<>\"")) + "}" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public void An_object_with_fields_the_contract_does_not_define_keeps_only_the_contracts_fields(string kind, string message)
    {
        QueueMessageSize.Fits(message, QueueMessageEncoding.Base64).ShouldBeTrue(kind);
        var entry = new FailedDeletion(message, "unknown_tenant", "No such tenant.", At);
        QueueMessageSize.Fits(entry.ToJson(), QueueMessageEncoding.Base64).ShouldBeFalse(kind);

        var fitted = FailedEntryFitter.Fit(entry, QueueMessageEncoding.Base64);

        fitted.MessageTruncated.ShouldBeTrue();
        fitted.Message.ShouldBe("""{"tenantId":"nobody-here","mediaId":"1"}""");
        (fitted with { Message = message, MessageTruncated = false }).ShouldBe(entry);
        QueueMessageSize.Fits(fitted.ToJson(), QueueMessageEncoding.Base64).ShouldBeTrue();
        JsonDocument.Parse(fitted.ToJson()).RootElement.GetProperty("messageTruncated").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Contract_fields_are_kept_with_their_values_as_sent_and_in_their_order()
    {
        var message = Pad("""{"attempt":2,"x":"#","mediaId":"1\ud800","tenantId":"t","itemIndex":7,"batchId":"b","requestId":"r","phone":"p","tenantId":"second"}""", '<');

        var fitted = FailedEntryFitter.Fit(new FailedDeletion(message, "invalid_media_id", "d", At), QueueMessageEncoding.Base64);

        fitted.Message.ShouldBe("""{"attempt":2,"mediaId":"1\ud800","tenantId":"t","itemIndex":7,"batchId":"b","requestId":"r","phone":"p"}""");
    }

    /// <summary>Messages that are still too large with only the contract's fields, or that are no JSON object at all: cut to fit.</summary>
    public static TheoryData<string, string, string> CutToFit => new()
    {
        { "a huge media id", """{"tenantId":"demo-meta","mediaId":"#"}""", "\"" },
        { "a huge tenant id of escapes", """{"tenantId":"#","mediaId":"1"}""", "<" },
        { "a huge request id", """{"tenantId":"demo-meta","mediaId":"1","requestId":"#"}""", "&" },
        { "text that is not JSON", "not json #", "x" },
        { "a JSON array", "[\"#\"]", "+" },
        { "JSON cut short", "{\"tenantId\":\"#", "'" },
        { "base64 that was not", "#", "\u00e9\u00e8" },
    };

    [Theory]
    [MemberData(nameof(CutToFit))]
    public void What_cannot_be_reduced_is_cut_at_the_longest_prefix_that_fits(string kind, string template, string filler)
    {
        var message = Pad(template, filler);
        var entry = new FailedDeletion(message, "malformed_message", "The message is not valid JSON.", At);

        var fitted = FailedEntryFitter.Fit(entry, QueueMessageEncoding.Base64);

        fitted.MessageTruncated.ShouldBeTrue(kind);
        var stored = QueueMessageSize.StoredBytes(fitted.ToJson(), QueueMessageEncoding.Base64);
        stored.ShouldBeLessThanOrEqualTo(QueueMessageSize.MaxStoredBytes);
        stored.ShouldBeGreaterThan(QueueMessageSize.MaxStoredBytes - 8, "the longest prefix that fits, give or take one character's escape and base64's padding");
        (ContractOnly(message) ?? message).ShouldStartWith(fitted.Message);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var message = Pad("not json #", "\ud83d\ude00");

        var fitted = FailedEntryFitter.Fit(new FailedDeletion(message, "malformed_message", "d", At), QueueMessageEncoding.Base64);

        char.IsHighSurrogate(fitted.Message[^1]).ShouldBeFalse();
        message.ShouldStartWith(fitted.Message);
    }

    [Fact]
    public void Without_base64_the_limit_is_the_texts_own_utf8_bytes()
    {
        // 60,000 ASCII bytes fit as they are, but not once base64 adds a third.
        var message = "not json " + new string('a', 60_000);
        var entry = new FailedDeletion(message, "malformed_message", "d", At);

        FailedEntryFitter.Fit(entry, QueueMessageEncoding.None).ShouldBe(entry);
        FailedEntryFitter.Fit(entry, QueueMessageEncoding.Base64).MessageTruncated.ShouldBeTrue();
    }

    [Fact]
    public void An_entry_that_fits_is_left_as_it_is_and_says_nothing_of_truncation()
    {
        var entry = new FailedDeletion("""{"tenantId":"nobody-here","mediaId":"1"}""", "unknown_tenant", "No such tenant.", At);

        FailedEntryFitter.Fit(entry, QueueMessageEncoding.Base64).ShouldBeSameAs(entry);
        entry.ToJson().ShouldNotContain("messageTruncated");
    }

    [Fact]
    public void A_detail_longer_than_the_limit_is_cut_even_when_the_entry_would_fit()
    {
        var entry = new FailedDeletion("{}", "provider_rejected", new string('d', 10_000), At);

        var fitted = FailedEntryFitter.Fit(entry, QueueMessageEncoding.Base64);

        fitted.Detail.Length.ShouldBe(FailedEntryFitter.MaxDetailLength);
        fitted.Detail.ShouldEndWith("\u2026");
        fitted.MessageTruncated.ShouldBeFalse("the message itself is whole");
    }

    /// <summary>Fills the <c>#</c> of <paramref name="template"/> with <paramref name="filler"/> until the message is as large as base64 allows.</summary>
    private static string Pad(string template, string filler)
    {
        var prefix = template[..template.IndexOf('#', StringComparison.Ordinal)];
        var suffix = template[(template.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var fillerBytes = JsonStringsBytes(filler);
        var room = LargestBase64Text - JsonStringsBytes(prefix) - JsonStringsBytes(suffix);
        return prefix + string.Concat(Enumerable.Repeat(filler, room / fillerBytes)) + suffix;
    }

    private static string Pad(string template, char filler) => Pad(template, filler.ToString());

    private static int JsonStringsBytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    /// <summary>The message with only the contract's fields, or null when it is not a JSON object.</summary>
    private static string? ContractOnly(string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return null;
        }

        using var parsed = document;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var kept = document.RootElement.EnumerateObject()
            .Where(property => property.Name is "tenantId" or "mediaId" or "phone" or "batchId" or "itemIndex" or "requestId" or "attempt")
            .Select(property => $"\"{property.Name}\":{property.Value.GetRawText()}");
        return "{" + string.Join(',', kept) + "}";
    }
}

using System.Text;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>Message text survives the round trip through real Azurite in both host.json encodings.</summary>
public sealed class StorageQueueEncodingTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Tricky = "Ünïcødé ✓ 日本語 🚀 <tag attr=\"v\" other='w'> & &amp; ]]> \t tab";
    private static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(10);

    public static TheoryData<QueueMessageEncoding> Encodings => [QueueMessageEncoding.Base64, QueueMessageEncoding.None];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Non_ascii_and_xml_special_text_round_trips(QueueMessageEncoding encoding)
    {
        var text = await RoundTripAsync(encoding, Tricky);

        text.ShouldBe(Tricky);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Line_breaks_and_surrounding_whitespace_round_trip(QueueMessageEncoding encoding)
    {
        const string Text = "  first line\r\nsecond line\rthird\n  ";

        var text = await RoundTripAsync(encoding, Text);

        text.ShouldBe(Text);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Whitespace_only_and_empty_text_round_trip(QueueMessageEncoding encoding)
    {
        (await RoundTripAsync(encoding, "   ")).ShouldBe("   ");
        (await RoundTripAsync(encoding, string.Empty)).ShouldBe(string.Empty);
    }

    [Fact]
    public async Task Base64_stores_the_utf8_bytes_base64_encoded()
    {
        var queue = await fixture.NewQueueAsync(QueueMessageEncoding.Base64);

        await queue.SendAsync(Tricky);
        var peeked = (await queue.PeekAsync(1)).ShouldHaveSingleItem();

        peeked.RawText.ShouldBe(Convert.ToBase64String(Encoding.UTF8.GetBytes(Tricky)));
        peeked.Text.ShouldBe(Tricky);
    }

    [Fact]
    public async Task None_stores_the_text_itself()
    {
        var queue = await fixture.NewQueueAsync(QueueMessageEncoding.None);

        await queue.SendAsync(Tricky);
        var peeked = (await queue.PeekAsync(1)).ShouldHaveSingleItem();

        peeked.RawText.ShouldBe(Tricky);
    }

    [Fact]
    public async Task Base64_carries_the_largest_text_that_fits_in_64_KiB_once_encoded()
    {
        var text = new string('a', 48 * 1024);

        (await RoundTripAsync(QueueMessageEncoding.Base64, text)).ShouldBe(text);
    }

    [Fact]
    public async Task None_carries_a_60_KB_text_with_escapes()
    {
        var text = string.Concat(Enumerable.Repeat("<a&b>\"ü\" ", 6 * 1024));
        Encoding.UTF8.GetByteCount(text).ShouldBeGreaterThan(60_000);

        (await RoundTripAsync(QueueMessageEncoding.None, text)).ShouldBe(text);
    }

    [Fact]
    public async Task A_60_KB_text_is_refused_in_base64_before_sending_because_it_grows_past_64_KiB()
    {
        var queue = await fixture.NewQueueAsync(QueueMessageEncoding.Base64);

        var error = await Should.ThrowAsync<ArgumentException>(() => queue.SendAsync(new string('a', 60 * 1024)));

        error.ParamName.ShouldBe("text");
        error.Message.ShouldContain("81920 bytes once encoded as Base64");
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Text_over_64_KiB_is_refused_in_none_before_sending()
    {
        var queue = await fixture.NewQueueAsync(QueueMessageEncoding.None);

        var error = await Should.ThrowAsync<ArgumentException>(() => queue.SendAsync(new string('ü', 32 * 1024 + 1)));

        error.Message.ShouldContain("65538 bytes");
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task None_refuses_characters_xml_cannot_carry_and_sends_nothing()
    {
        var queue = await fixture.NewQueueAsync(QueueMessageEncoding.None);

        var error = await Should.ThrowAsync<ArgumentException>(() => queue.SendAsync("bell\u0007"));

        error.Message.ShouldContain("index 4");
        error.Message.ShouldContain("base64");
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Base64_carries_control_characters()
    {
        (await RoundTripAsync(QueueMessageEncoding.Base64, "bell\u0007\0")).ShouldBe("bell\u0007\0");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task An_unpaired_surrogate_is_refused_in_both_encodings(QueueMessageEncoding encoding)
    {
        var queue = await fixture.NewQueueAsync(encoding);

        var error = await Should.ThrowAsync<ArgumentException>(() => queue.SendAsync("broken \ud83d here"));

        error.Message.ShouldContain("unpaired surrogate at index 7");
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_is_received_with_null_text_and_its_raw_text()
    {
        var name = AzuriteFixture.NewQueueName();
        var plain = fixture.Account(QueueMessageEncoding.None).GetQueue(name);
        var base64 = fixture.Account(QueueMessageEncoding.Base64).GetQueue(name);
        await plain.CreateIfNotExistsAsync();
        await plain.SendAsync("{\"not\":\"base64\"}");

        var received = (await base64.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();

        received.Text.ShouldBeNull();
        received.RawText.ShouldBe("{\"not\":\"base64\"}");
        await base64.DeleteAsync(received.MessageId, received.PopReceipt);
    }

    [Fact]
    public async Task Base64_that_is_not_utf8_is_received_with_null_text()
    {
        var name = AzuriteFixture.NewQueueName();
        var plain = fixture.Account(QueueMessageEncoding.None).GetQueue(name);
        await plain.CreateIfNotExistsAsync();
        await plain.SendAsync(Convert.ToBase64String([0xff, 0xfe, 0x80]));

        var peeked = (await fixture.Account(QueueMessageEncoding.Base64).GetQueue(name).PeekAsync(1)).ShouldHaveSingleItem();

        peeked.Text.ShouldBeNull();
    }

    private async Task<string?> RoundTripAsync(QueueMessageEncoding encoding, string text)
    {
        var queue = await fixture.NewQueueAsync(encoding);
        await queue.SendAsync(text);
        var received = (await queue.ReceiveAsync(1, LongTimeout)).ShouldHaveSingleItem();
        return received.Text;
    }
}

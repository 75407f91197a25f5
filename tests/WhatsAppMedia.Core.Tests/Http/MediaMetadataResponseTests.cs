using System.Text.Json;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Tests.Http;

public class MediaMetadataResponseTests
{
    private static readonly DateTimeOffset AnsweredAt = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_meta_answer_has_every_field_and_the_url_expires_five_minutes_after_it()
    {
        var metadata = new MediaMetadata("image/jpeg", "ab12", 303833, "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", TimeSpan.FromMinutes(5));

        var json = JsonSerializer.Serialize(MediaMetadataResponse.From("acme", "1234", "meta", metadata, AnsweredAt, "req-1"));

        json.ShouldBe(
            """{"tenantId":"acme","mediaId":"1234","provider":"meta","mimeType":"image/jpeg","sha256":"ab12","fileSize":303833,"url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1","urlExpiresAt":"2026-11-30T10:05:00Z","requestId":"req-1"}""");
    }

    [Fact]
    public void Fields_the_provider_does_not_give_are_left_out()
    {
        var json = JsonSerializer.Serialize(MediaMetadataResponse.From("acme", "m1", "aws", new MediaMetadata("video/mp4", null, 42, null), AnsweredAt, "req-2"));

        json.ShouldBe("""{"tenantId":"acme","mediaId":"m1","provider":"aws","mimeType":"video/mp4","fileSize":42,"requestId":"req-2"}""");
    }

    [Fact]
    public void A_url_whose_lifetime_the_provider_does_not_give_has_no_expiry()
    {
        var json = JsonSerializer.Serialize(MediaMetadataResponse.From("acme", "m1", "nxcloud", new MediaMetadata("image/webp", null, null, "https://files.example/x"), AnsweredAt, "req-3"));

        json.ShouldBe("""{"tenantId":"acme","mediaId":"m1","provider":"nxcloud","mimeType":"image/webp","url":"https://files.example/x","requestId":"req-3"}""");
    }
}

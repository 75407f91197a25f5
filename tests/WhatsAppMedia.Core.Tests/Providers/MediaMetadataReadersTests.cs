using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>How each provider's metadata answer is read: the documented shapes, and what is not metadata.</summary>
public class MediaMetadataReadersTests
{
    [Theory]
    [InlineData("\"303833\"", 303833L)]
    [InlineData("303833", 303833L)]
    [InlineData("\"-1\"", null)]
    [InlineData("\"12 bytes\"", null)]
    [InlineData("null", null)]
    public void Metas_file_size_is_read_as_a_string_or_a_number(string fileSize, long? expected)
    {
        var metadata = MetaMediaMetadata.TryRead(
            $$"""{"messaging_product":"whatsapp","url":"https://lookaside.fbsbx.com/x?mid=1","mime_type":"image/jpeg","sha256":"ab","file_size":{{fileSize}},"id":"1"}""");

        metadata.ShouldBe(new MediaMetadata("image/jpeg", "ab", expected, "https://lookaside.fbsbx.com/x?mid=1", TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("""{"url":"https://lookaside.fbsbx.com/x"}""")]
    [InlineData("""{"mime_type":"image/jpeg"}""")]
    [InlineData("""{"mime_type":"  ","url":"https://lookaside.fbsbx.com/x"}""")]
    [InlineData("""{"success":true}""")]
    [InlineData("""[1,2]""")]
    [InlineData("<html>ok</html>")]
    [InlineData("")]
    public void A_meta_answer_without_mime_type_and_url_is_not_metadata(string body) =>
        MetaMediaMetadata.TryRead(body).ShouldBeNull();

    [Theory]
    [InlineData("""{"mimeType":"audio/ogg","fileSize":777}""", "audio/ogg", 795_648L)]
    [InlineData("""{"mimeType":"audio/ogg","fileSize":0}""", "audio/ogg", 0L)]
    [InlineData("""{"mimeType":"audio/ogg","fileSize":1}""", "audio/ogg", 1024L)]
    [InlineData("""{"mimeType":"video/mp4","fileSize":9007199254740991}""", "video/mp4", 9_223_372_036_854_774_784L)]
    [InlineData("""{"mimeType":"video/mp4","fileSize":9007199254740992}""", "video/mp4", null)]
    [InlineData("""{"mimeType":"audio/ogg","fileSize":-1}""", "audio/ogg", null)]
    [InlineData("""{"mimeType":"audio/ogg"}""", "audio/ogg", null)]
    [InlineData("""{"mimeType":"audio/ogg","fileSize":"777"}""", "audio/ogg", null)]
    public void Aws_metadata_is_mime_type_and_size_in_KB_times_1024_without_hash_or_url(string body, string mimeType, long? size) =>
        AwsMediaMetadata.TryRead(body).ShouldBe(new MediaMetadata(mimeType, null, size, null));

    [Theory]
    [InlineData("""{"fileSize":1}""")]
    [InlineData("""{"message":"not found"}""")]
    [InlineData("nope")]
    public void An_aws_answer_without_mime_type_is_not_metadata(string body) =>
        AwsMediaMetadata.TryRead(body).ShouldBeNull();
}

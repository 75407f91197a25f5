using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

public class SecretTextTests
{
    [Theory]
    [InlineData("EAASandboxMetaAccessToken0001", true)]
    [InlineData("a/b+c=d~!", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("with space", false)]
    [InlineData("tab\there", false)]
    [InlineData("line\r\nbreak", false)]
    [InlineData("nul\0", false)]
    [InlineData("délà", false)]
    [InlineData("del\u007f", false)]
    public void Header_safe_means_visible_ascii_only(string? value, bool expected) => SecretText.IsHeaderSafe(value).ShouldBe(expected);

    [Fact]
    public void Redacts_every_occurrence_of_every_secret() =>
        SecretText.Redact("key k1 and k1 and pw", "k1", "pw").ShouldBe("key *** and *** and ***");

    [Fact]
    public void Ignores_missing_secrets_and_missing_text()
    {
        SecretText.Redact("nothing secret", null, "").ShouldBe("nothing secret");
        SecretText.Redact(null, "k1").ShouldBeNull();
    }
}

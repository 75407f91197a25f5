using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Tests.Retrievals;

public class MediaDownloadUrlPolicyTests
{
    private static readonly string[] Meta = ["lookaside.fbsbx.com"];
    private static readonly string[] Sandbox = ["lookaside.fbsbx.com", "127.0.0.1", "[::1]"];

    [Theory]
    [InlineData("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1013859600285441&ext=1732961100&hash=ATu")]
    [InlineData("https://LOOKASIDE.fbsbx.com/whatsapp_business/attachments/?mid=1")]
    [InlineData("https://lookaside.fbsbx.com:443/x")]
    public void A_https_url_on_a_listed_host_may_have_the_token(string url) =>
        MediaDownloadUrlPolicy.Problem(url, Meta).ShouldBeNull();

    [Theory]
    [InlineData("http://127.0.0.1:7080/_media/1")]
    [InlineData("http://[::1]:7080/_media/1")]
    [InlineData("https://127.0.0.1:7443/_media/1")]
    public void Plain_http_is_allowed_only_to_a_listed_loopback_host(string url) =>
        MediaDownloadUrlPolicy.Problem(url, Sandbox).ShouldBeNull();

    [Theory]
    [InlineData("https://evil.example/whatsapp_business/attachments/?mid=1", "evil.example")]
    [InlineData("https://lookaside.fbsbx.com.evil.example/x", "lookaside.fbsbx.com.evil.example")]
    [InlineData("https://evil-lookaside.fbsbx.com/x", "evil-lookaside.fbsbx.com")]
    [InlineData("https://fbsbx.com/x", "fbsbx.com")]
    [InlineData("https://sub.lookaside.fbsbx.com/x", "sub.lookaside.fbsbx.com")]
    [InlineData("http://127.0.0.1:7080/_media/1", "127.0.0.1")]
    [InlineData("http://localhost:7080/_media/1", "localhost")]
    public void A_host_not_listed_exactly_is_refused_and_named(string url, string host) =>
        MediaDownloadUrlPolicy.Problem(url, Meta)!.ShouldContain($"'{host}'");

    [Fact]
    public void Plain_http_to_a_listed_host_off_loopback_is_refused() =>
        MediaDownloadUrlPolicy.Problem("http://lookaside.fbsbx.com/x?mid=1", Sandbox)!.ShouldContain("plain http");

    [Theory]
    [InlineData("https://user:pass@lookaside.fbsbx.com/x")]
    [InlineData("https://user@lookaside.fbsbx.com/x")]
    [InlineData("http://user@127.0.0.1:7080/x")]
    public void Userinfo_is_refused_without_repeating_it(string url)
    {
        var problem = MediaDownloadUrlPolicy.Problem(url, Sandbox)!;

        problem.ShouldContain("userinfo");
        problem.ShouldNotContain("pass");
        problem.ShouldNotContain("user@");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/whatsapp_business/attachments/?mid=1")]
    [InlineData("lookaside.fbsbx.com/x")]
    [InlineData("ftp://lookaside.fbsbx.com/x")]
    [InlineData("file:///etc/passwd")]
    public void Anything_but_an_absolute_http_url_is_refused(string? url) =>
        MediaDownloadUrlPolicy.Problem(url, Meta).ShouldNotBeNull();

    [Fact]
    public void The_reason_never_repeats_the_urls_path_or_query() =>
        MediaDownloadUrlPolicy.Problem("https://evil.example/secret-path?mid=secret-query", Meta)!.ShouldNotContain("secret");
}

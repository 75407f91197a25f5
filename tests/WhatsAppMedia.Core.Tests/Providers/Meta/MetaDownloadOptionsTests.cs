using WhatsAppMedia.Core.Providers.Meta;

namespace WhatsAppMedia.Core.Tests.Providers.Meta;

/// <summary>The /content settings of <c>Providers:Meta</c>: download hosts and size limit, refused at start when unusable.</summary>
public class MetaDownloadOptionsTests
{
    private readonly MetaOptionsValidator _validator = new();

    [Fact]
    public void The_download_settings_default_to_the_contracts_values()
    {
        var meta = new MetaOptions();

        meta.DownloadHosts.ShouldBe(["lookaside.fbsbx.com"]);
        meta.MaxDownloadBytes.ShouldBe(104857600);
    }

    [Theory]
    [InlineData("lookaside.fbsbx.com, 127.0.0.1 ,,::1", new[] { "lookaside.fbsbx.com", "127.0.0.1", "::1" })]
    [InlineData("[::1]", new[] { "[::1]" })]
    public void The_download_hosts_are_a_comma_separated_list_of_bare_hosts(string setting, string[] hosts)
    {
        var options = new MetaOptions { MediaDownloadHosts = setting };

        options.DownloadHosts.ShouldBe(hosts);
        _validator.Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("https://lookaside.fbsbx.com")]
    [InlineData("lookaside.fbsbx.com:443")]
    [InlineData("lookaside.fbsbx.com/whatsapp")]
    [InlineData("user@lookaside.fbsbx.com")]
    [InlineData("*.fbsbx.com")]
    public void A_download_host_that_is_not_a_bare_host_is_refused_and_named(string setting)
    {
        var result = _validator.Validate(null, new MetaOptions { MediaDownloadHosts = setting });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Providers:Meta:MediaDownloadHosts");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_download_limit_that_is_not_positive_is_refused(long limit)
    {
        var result = _validator.Validate(null, new MetaOptions { MaxDownloadBytes = limit });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Providers:Meta:MaxDownloadBytes");
    }
}

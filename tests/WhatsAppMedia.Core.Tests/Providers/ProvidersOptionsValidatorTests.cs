using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

public class ProvidersOptionsValidatorTests
{
    private readonly ProvidersOptionsValidator _validator = new();

    [Fact]
    public void The_documented_defaults_are_valid() => _validator.Validate(null, new ProvidersOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void A_plain_http_provider_url_off_loopback_is_refused_and_named()
    {
        var options = new ProvidersOptions { Meta = { BaseUrl = new Uri("http://graph.facebook.com") } };

        var result = _validator.Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Providers:Meta:BaseUrl");
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var options = new ProvidersOptions
        {
            Aws = { Endpoint = new Uri("http://10.1.2.3") },
            NxCloud = { BaseUrl = new Uri("ftp://127.0.0.1") },
            SmsGatewayCenter = { BaseUrl = new Uri("https://u:p@unify.smsgateway.center") },
            Meta = { GraphVersion = "23" },
            Retry = { MaxAttempts = 0, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.Zero, TotalBudget = TimeSpan.FromSeconds(-1) },
        };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        failures.ShouldContain(message => message.Contains("Providers:Aws:Endpoint", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:NxCloud:BaseUrl", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:SmsGatewayCenter:BaseUrl", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Meta:GraphVersion", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:MaxAttempts", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:MaxDelay must not be shorter", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:AttemptTimeout", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:TotalBudget", StringComparison.Ordinal));
        failures.ShouldNotContain(message => message.Contains("u:p", StringComparison.Ordinal));
    }

    [Fact]
    public void The_download_settings_default_to_the_contracts_values()
    {
        var meta = new ProvidersOptions().Meta;

        meta.DownloadHosts.ShouldBe(["lookaside.fbsbx.com"]);
        meta.MaxDownloadBytes.ShouldBe(104857600);
    }

    [Theory]
    [InlineData("lookaside.fbsbx.com, 127.0.0.1 ,,::1", new[] { "lookaside.fbsbx.com", "127.0.0.1", "::1" })]
    [InlineData("[::1]", new[] { "[::1]" })]
    public void The_download_hosts_are_a_comma_separated_list_of_bare_hosts(string setting, string[] hosts)
    {
        var options = new ProvidersOptions { Meta = { MediaDownloadHosts = setting } };

        options.Meta.DownloadHosts.ShouldBe(hosts);
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
        var result = _validator.Validate(null, new ProvidersOptions { Meta = { MediaDownloadHosts = setting } });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Providers:Meta:MediaDownloadHosts");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_download_limit_that_is_not_positive_is_refused(long limit)
    {
        var result = _validator.Validate(null, new ProvidersOptions { Meta = { MaxDownloadBytes = limit } });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Providers:Meta:MaxDownloadBytes");
    }
}

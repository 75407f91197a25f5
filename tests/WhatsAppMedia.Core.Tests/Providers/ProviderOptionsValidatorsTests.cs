using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>Each provider's options validator, and the retry options', with one message shape for a base URL.</summary>
public class ProviderOptionsValidatorsTests
{
    [Fact]
    public void The_documented_defaults_are_valid()
    {
        new MetaOptionsValidator().Validate(null, new MetaOptions()).Succeeded.ShouldBeTrue();
        new AwsOptionsValidator().Validate(null, new AwsOptions()).Succeeded.ShouldBeTrue();
        new NxCloudOptionsValidator().Validate(null, new NxCloudOptions()).Succeeded.ShouldBeTrue();
        new SmsGatewayCenterOptionsValidator().Validate(null, new SmsGatewayCenterOptions()).Succeeded.ShouldBeTrue();
        new ProviderRetryOptionsValidator().Validate(null, new ProviderRetryOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_plain_http_provider_url_off_loopback_is_refused_and_named()
    {
        var result = new MetaOptionsValidator().Validate(null, new MetaOptions { BaseUrl = new Uri("http://graph.facebook.com") });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Providers:Meta:BaseUrl");
    }

    [Fact]
    public void Every_base_url_problem_has_the_same_message_shape_and_never_repeats_the_value()
    {
        string[] failures =
        [
            .. new AwsOptionsValidator().Validate(null, new AwsOptions { Endpoint = new Uri("http://10.1.2.3") }).Failures!,
            .. new NxCloudOptionsValidator().Validate(null, new NxCloudOptions { BaseUrl = new Uri("ftp://127.0.0.1") }).Failures!,
            .. new SmsGatewayCenterOptionsValidator().Validate(null, new SmsGatewayCenterOptions { BaseUrl = new Uri("https://u:p@unify.smsgateway.center") }).Failures!,
        ];

        failures.ShouldBe(
        [
            "Providers:Aws:Endpoint must be an absolute https URL without query or credentials (http only for loopback addresses).",
            "Providers:NxCloud:BaseUrl must be an absolute https URL without query or credentials (http only for loopback addresses).",
            "Providers:SmsGatewayCenter:BaseUrl must be an absolute https URL without query or credentials (http only for loopback addresses).",
        ]);
    }

    [Fact]
    public void Every_bad_setting_of_a_section_is_reported_at_once()
    {
        new MetaOptionsValidator().Validate(null, new MetaOptions { BaseUrl = new Uri("http://graph.facebook.com"), GraphVersion = "23" }).Failures!.Count().ShouldBe(2);

        var retry = new ProviderRetryOptions { MaxAttempts = 0, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.Zero, TotalBudget = TimeSpan.FromSeconds(-1) };
        var failures = new ProviderRetryOptionsValidator().Validate(null, retry).Failures!.ToList();

        failures.ShouldContain(message => message.Contains("Providers:Retry:MaxAttempts", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:MaxDelay must not be shorter", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:AttemptTimeout", StringComparison.Ordinal));
        failures.ShouldContain(message => message.Contains("Providers:Retry:TotalBudget", StringComparison.Ordinal));
    }
}

using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>The rule (docs/api.md, "Which phone a call uses") for which phone a call uses, stated once in <see cref="ProviderPhones"/>.</summary>
public class ProviderPhonesTests
{
    [Theory]
    [InlineData(ProviderKind.Aws, "phone-number-id-call", "phone-number-id-tenant", "phone-number-id-call")]
    [InlineData(ProviderKind.Aws, null, "phone-number-id-tenant", "phone-number-id-tenant")]
    [InlineData(ProviderKind.Aws, null, null, null)]
    [InlineData(ProviderKind.NxCloud, null, "8613800138000", "8613800138000")]
    [InlineData(ProviderKind.SmsGatewayCenter, null, "anything", "anything")]
    [InlineData(ProviderKind.Meta, "106540352242922", "106540352242922", "106540352242922")]
    [InlineData(ProviderKind.Meta, null, "106540352242922", null)]
    public void The_call_names_the_phone_else_the_tenant_does_except_for_meta(ProviderKind kind, string? requested, string? tenantPhone, string? expected) =>
        ProviderPhones.For(CredentialsOf(kind), requested, tenantPhone).ShouldBe(expected);

    [Theory]
    [InlineData(ProviderKind.Aws, "phone-number-id-0123", true)]
    [InlineData(ProviderKind.Aws, "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/abc", true)]
    [InlineData(ProviderKind.Aws, "+15550783881", false)]
    [InlineData(ProviderKind.NxCloud, "8613800138000", true)]
    [InlineData(ProviderKind.NxCloud, "+8613800138000", false)]
    [InlineData(ProviderKind.Meta, "not even digits", true)]
    [InlineData(ProviderKind.SmsGatewayCenter, "not even digits", true)]
    public void A_default_phone_is_held_to_the_format_of_the_provider_that_applies_it(ProviderKind kind, string phone, bool usable)
    {
        ProviderRegistry.BuiltIn.TryFind(kind.ToName(), out var provider).ShouldBeTrue();
        var problem = ProviderPhones.DefaultPhoneProblem(provider, phone);

        (problem is null).ShouldBe(usable);
        if (problem is not null)
        {
            problem.ShouldNotContain(phone);
            problem.ShouldNotEndWith(".");
        }
    }

    private static ProviderCredentials CredentialsOf(ProviderKind kind) => kind switch
    {
        ProviderKind.Meta => new Core.Providers.Meta.MetaCredentials("token"),
        ProviderKind.Aws => new Core.Providers.Aws.AwsCredentials("AKIDEXAMPLE", "secret", null, "us-east-1"),
        ProviderKind.NxCloud => new Core.Providers.NxCloud.NxCloudCredentials("key", "secret"),
        _ => new Core.Providers.SmsGatewayCenter.SmsGatewayCenterCredentials("api-key", null, null),
    };
}

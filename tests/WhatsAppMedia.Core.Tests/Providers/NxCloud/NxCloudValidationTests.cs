using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>Identifiers and credentials are refused before anything is built or sent.</summary>
[Collection(NxCloudSandboxCollection.Name)]
public sealed class NxCloudValidationTests(NxCloudSandboxFixture fixture)
{
    private const string Phone = SandboxAccounts.NxCloud.BusinessPhone;

    public static TheoryData<string> HostileMediaIds =>
    [
        "",
        " ",
        "../etc/passwd",
        "..%2F..%2Fadmin",
        "%2F",
        "a/b",
        "a?b=c",
        "a#frag",
        "abc\r\nX-Injected: 1",
        "abc\n",
        "a b",
        "a_b",
        "a.b",
        "\"quoted\"",
        "a\\b",
        "{\"x\":1}",
        "médïa",
        "１２３",
        "abc\0",
        new string('a', NxCloudIdentifiers.MaxMediaIdLength + 1),
    ];

    public static TheoryData<string> AcceptedMediaIds =>
    [
        "fd81acff-eea8-4d9d-acc9-6c62904d6615",
        "a",
        "ABC-123-xyz",
        new string('7', NxCloudIdentifiers.MaxMediaIdLength),
    ];

    [Theory]
    [MemberData(nameof(HostileMediaIds))]
    public void Hostile_media_ids_are_refused_and_nothing_reaches_the_sandbox(string mediaId)
    {
        var provider = fixture.Provider(out _);
        var target = new MediaTarget(mediaId, Phone);
        var before = fixture.State.Requests.Count;

        var error = provider.Validate(target);
        var thrown = EntryCheck.Refuses(provider, target);

        error.ShouldNotBeNull().Code.ShouldBe(ErrorCodes.InvalidMediaId);
        if (mediaId.Trim().Length >= 3)
        {
            error.Message.ShouldNotContain(mediaId);
            thrown.Message.ShouldNotContain(mediaId);
        }

        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(AcceptedMediaIds))]
    public void Uuid_style_ids_up_to_128_characters_are_accepted(string mediaId) =>
        fixture.Provider(out _).Validate(new MediaTarget(mediaId, Phone)).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void The_business_phone_is_required(string? phone)
    {
        var provider = fixture.Provider(out _);
        var target = new MediaTarget(fixture.CreateMedia(), phone);
        var before = fixture.State.Requests.Count;

        provider.Validate(target).ShouldNotBeNull().Code.ShouldBe(ErrorCodes.PhoneRequired);
        EntryCheck.Refuses(provider, target);
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public void A_leading_plus_is_refused_with_a_message_that_says_so()
    {
        var error = fixture.Provider(out _).Validate(new MediaTarget(fixture.CreateMedia(), "+" + Phone));

        error.ShouldNotBeNull().Code.ShouldBe(ErrorCodes.InvalidPhone);
        error.Message.ShouldContain("without '+'");
        error.Message.ShouldNotContain(Phone);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("86 13800138000")]
    [InlineData("86-13800138000")]
    [InlineData("(86)13800138000")]
    [InlineData("1234567")]
    [InlineData("1234567890123456")]
    [InlineData("08613800138000")]
    [InlineData("８６１３８００１３８０００")]
    [InlineData("٨٦١٣٨٠٠١٣٨٠٠٠")]
    [InlineData("8613800138000\n")]
    [InlineData("phone-number-id-1")]
    public void Malformed_business_phones_are_refused_and_nothing_is_sent(string phone)
    {
        var provider = fixture.Provider(out _);
        var target = new MediaTarget(fixture.CreateMedia(), phone);
        var before = fixture.State.Requests.Count;

        var error = provider.Validate(target);
        EntryCheck.Refuses(provider, target);

        error.ShouldNotBeNull().Code.ShouldBe(ErrorCodes.InvalidPhone);
        if (phone.Trim().Length >= 3)
        {
            error.Message.ShouldNotContain(phone.Trim());
        }

        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("123456789012345")]
    [InlineData("8613800138000")]
    public void Eight_to_fifteen_digits_with_the_country_code_are_accepted(string phone) =>
        fixture.Provider(out _).Validate(new MediaTarget(fixture.CreateMedia(), phone)).ShouldBeNull();

    [Fact]
    public async Task Credentials_for_another_provider_are_refused_without_echoing_them()
    {
        var provider = fixture.Provider(out _);
        var before = fixture.State.Requests.Count;

        var thrown = await Should.ThrowAsync<ArgumentException>(() =>
            provider.SendDeleteAsync(new MediaTarget(fixture.CreateMedia(), Phone), new MetaCredentials("EAAsecret-token")));

        thrown.Message.ShouldNotContain("EAAsecret-token");
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("", "secret-value-1")]
    [InlineData("access key", "secret-value-1")]
    [InlineData("key\r\nX-Injected: 1", "secret-value-1")]
    [InlineData("clé", "secret-value-1")]
    [InlineData("sandboxnxaccesskey", "")]
    public async Task Unusable_credentials_are_refused_before_sending_without_echoing_the_secret(string accessKey, string secret)
    {
        var provider = fixture.Provider(out _);
        var before = fixture.State.Requests.Count;

        var thrown = await Should.ThrowAsync<ArgumentException>(() =>
            provider.SendDeleteAsync(new MediaTarget(fixture.CreateMedia(), Phone), new NxCloudCredentials(accessKey, secret)));

        thrown.Message.ShouldNotContain("secret-value-1");
        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public void Credentials_redact_the_secret_from_ToString()
    {
        var credentials = new NxCloudCredentials("visible-access-key", "hidden-access-secret");

        credentials.ToString().ShouldNotContain("hidden-access-secret");
        $"{credentials}".ShouldContain("visible-access-key");
    }
}

using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Tenants;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

public class TenantDocumentTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static TheoryData<string, ProviderKind> ValidDocuments => new()
    {
        { Meta(), ProviderKind.Meta },
        { Aws(), ProviderKind.Aws },
        { NxCloud(), ProviderKind.NxCloud },
        { SmsGatewayCenterWithApiKey(), ProviderKind.SmsGatewayCenter },
        { SmsGatewayCenterWithPassword(), ProviderKind.SmsGatewayCenter },
    };

    /// <summary>Broken documents and the field each error must name. Values that could be secrets carry the marker.</summary>
    public static TheoryData<string, string> BrokenDocuments => new()
    {
        { "", "$" },
        { "   ", "$" },
        { "not json " + SecretMarker, "$" },
        { "[1,2]", "$" },
        { "\"just a string\"", "$" },
        { $$$"""{"provider":"meta","provider":"aws","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "$" },
        { $$$"""{"apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "provider" },
        { $$$"""{"provider":"Meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "provider" },
        { $$$"""{"provider":"whatsapp","apiKeySha256":"{{{Hash}}}","credentials":{}}""", "provider" },
        { $$$"""{"provider":42,"apiKeySha256":"{{{Hash}}}","credentials":{}}""", "provider" },
        { $$$"""{"provider":"meta","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "apiKeySha256" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash.ToUpperInvariant()}}}","credentials":{"accessToken":"x"}}""", "apiKeySha256" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash[..63]}}}","credentials":{"accessToken":"x"}}""", "apiKeySha256" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{SecretMarker}}}","credentials":{"accessToken":"x"}}""", "apiKeySha256" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}"}""", "credentials" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":"{{{SecretMarker}}}"}""", "credentials" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{}}""", "credentials.accessToken" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":""}}""", "credentials.accessToken" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}\n"}}""", "credentials.accessToken" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":" {{{SecretMarker}}}"}}""", "credentials.accessToken" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"a\u0000{{{SecretMarker}}}"}}""", "credentials.accessToken" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":12345}}""", "credentials.accessToken" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}","graphVersion":"23"}}""", "credentials.graphVersion" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","phone":"","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "phone" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":"P7D","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "retention" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":{},"credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "retention.deleteAfter" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":{"deleteAfter":7},"credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "retention.deleteAfter" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":{"deleteAfter":"P1M"},"credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "retention.deleteAfter" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":{"deleteAfter":"P3651D"},"credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "retention.deleteAfter" },
        { $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"+15550783881","credentials":{"accessKeyId":"AKID","secretAccessKey":"{{{SecretMarker}}}","region":"us-east-1"}}""", "phone" },
        { $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"phone-number-id-1","credentials":{"secretAccessKey":"{{{SecretMarker}}}","region":"us-east-1"}}""", "credentials.accessKeyId" },
        { $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","region":"us-east-1"}}""", "credentials.secretAccessKey" },
        { $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","secretAccessKey":"{{{SecretMarker}}}"}}""", "credentials.region" },
        { $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","secretAccessKey":"{{{SecretMarker}}}","region":"evil.com/x"}}""", "credentials.region" },
        { $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","secretAccessKey":"{{{SecretMarker}}}","region":"US-EAST-1"}}""", "credentials.region" },
        { $$$"""{"provider":"nxcloud","apiKeySha256":"{{{Hash}}}","phone":"+8613800138000","credentials":{"accessKey":"k","accessSecret":"{{{SecretMarker}}}"}}""", "phone" },
        { $$$"""{"provider":"nxcloud","apiKeySha256":"{{{Hash}}}","phone":"86138","credentials":{"accessKey":"k","accessSecret":"{{{SecretMarker}}}"}}""", "phone" },
        { $$$"""{"provider":"nxcloud","apiKeySha256":"{{{Hash}}}","phone":"8613800138000","credentials":{"accessKey":"k"}}""", "credentials.accessSecret" },
        { $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{Hash}}}","credentials":{}}""", "credentials.apiKey" },
        { $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{Hash}}}","credentials":{"userId":"u"}}""", "credentials.password" },
        { $$$"""{"provider":"smsgatewaycenter","apiKeySha256":"{{{Hash}}}","credentials":{"password":"{{{SecretMarker}}}"}}""", "credentials.userId" },
    };

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void A_valid_document_becomes_a_tenant_and_round_trips(string json, ProviderKind provider)
    {
        var result = TenantDocument.Parse("acme", json);

        result.IsValid.ShouldBeTrue(result.Error?.Message);
        result.Tenant.Id.ShouldBe("acme");
        result.Tenant.Provider.ShouldBe(provider.ToName());
        result.Tenant.ApiKeySha256.ShouldBe(ApiKeySha256);
        TenantDocument.Parse("acme", TenantDocument.Serialize(result.Tenant)).Tenant.ShouldBe(result.Tenant);
    }

    [Fact]
    public void Every_field_maps_to_the_provider_credential_records()
    {
        TenantDocument.Parse("a", Meta()).Tenant!.Credentials.ShouldBe(new MetaCredentials("meta-token-" + SecretMarker, "v23.0"));
        TenantDocument.Parse("a", Meta()).Tenant!.Phone.ShouldBe("106540352242922");
        TenantDocument.Parse("a", Aws()).Tenant!.Credentials.ShouldBe(new AwsCredentials("AKIDEXAMPLE", "aws-" + SecretMarker, "session-" + SecretMarker, "us-east-1"));
        TenantDocument.Parse("a", NxCloud()).Tenant!.Credentials.ShouldBe(new NxCloudCredentials("nx-access", "nx-" + SecretMarker));
        TenantDocument.Parse("a", SmsGatewayCenterWithApiKey()).Tenant!.Credentials.ShouldBe(new SmsGatewayCenterCredentials("sgc-" + SecretMarker, null, null));
        TenantDocument.Parse("a", SmsGatewayCenterWithPassword()).Tenant!.Credentials.ShouldBe(new SmsGatewayCenterCredentials(null, "sgc-user", "pw-" + SecretMarker));
    }

    /// <summary>A document without <c>phone</c> is valid for every provider; the call decides whether one is needed.</summary>
    [Theory]
    [InlineData("""{"provider":"meta","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","credentials":{"accessToken":"t"}}""")]
    [InlineData("""{"provider":"aws","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","credentials":{"accessKeyId":"AKIAEXAMPLE000000001","secretAccessKey":"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY","region":"ap-south-1"}}""")]
    [InlineData("""{"provider":"nxcloud","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","credentials":{"accessKey":"k","accessSecret":"s"}}""")]
    [InlineData("""{"provider":"smsgatewaycenter","apiKeySha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","credentials":{"apiKey":"k"}}""")]
    public void A_document_without_a_default_phone_is_valid_for_every_provider(string json)
    {
        var result = TenantDocument.Parse("acme", json);

        result.IsValid.ShouldBeTrue(result.Error?.Message);
        result.Tenant.Phone.ShouldBeNull();
    }

    /// <summary>
    /// The document, the CLI (which parses what it writes) and the AWS provider hold the region to one
    /// rule, so a region the document accepts is one the provider signs for. <c>us-a-b-c-d-1</c> used to pass here and
    /// fail on every send.
    /// </summary>
    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("ap-south-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("ap-southeast-2", true)]
    [InlineData("us-a-b-c-d-1", false)]
    [InlineData("eu-west-123", false)]
    [InlineData("u-east-1", false)]
    public void The_document_accepts_exactly_the_regions_the_aws_provider_accepts(string region, bool usable)
    {
        var json = $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","credentials":{"accessKeyId":"AKID","secretAccessKey":"s","region":"{{{region}}}"}}""";

        var result = TenantDocument.Parse("acme", json);

        result.IsValid.ShouldBe(usable);
        WhatsAppMedia.Core.Providers.Aws.AwsIdentifiers.IsRegion(region).ShouldBe(usable);
        new WhatsAppMedia.Core.Providers.Aws.AwsCredentials("AKID", "s", null, region).Problem().ShouldBe(result.Error);
        if (!usable)
        {
            result.Error!.Field.ShouldBe("credentials.region");
        }
    }

    /// <summary>What a provider sends in a header is held to the header rule in the document too, so it is refused here and not on every call.</summary>
    [Theory]
    [InlineData("""{"provider":"meta","apiKeySha256":"HASH","credentials":{"accessToken":"EAA zq9"}}""", "credentials.accessToken")]
    [InlineData("""{"provider":"aws","apiKeySha256":"HASH","credentials":{"accessKeyId":"AKID","secretAccessKey":"s","sessionToken":"IQo zq9","region":"us-east-1"}}""", "credentials.sessionToken")]
    [InlineData("""{"provider":"aws","apiKeySha256":"HASH","credentials":{"accessKeyId":"AKIA/zq9","secretAccessKey":"s","region":"us-east-1"}}""", "credentials.accessKeyId")]
    [InlineData("""{"provider":"nxcloud","apiKeySha256":"HASH","credentials":{"accessKey":"käyzq9","accessSecret":"s"}}""", "credentials.accessKey")]
    [InlineData("""{"provider":"smsgatewaycenter","apiKeySha256":"HASH","credentials":{"apiKey":"sgc zq9"}}""", "credentials.apiKey")]
    public void A_credential_that_cannot_travel_in_a_header_makes_the_document_unusable(string json, string field)
    {
        var result = TenantDocument.Parse("acme", json.Replace("HASH", Hash, StringComparison.Ordinal));

        result.IsValid.ShouldBeFalse();
        result.Error!.Field.ShouldBe(field);
        result.Error.Message.ShouldNotContain("zq9");
    }

    [Fact]
    public void Optional_fields_may_be_left_out_or_null()
    {
        var json = $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","phone":null,"credentials":{"accessToken":"t","graphVersion":null}}""";

        var tenant = TenantDocument.Parse("acme", json).Tenant!;

        tenant.Phone.ShouldBeNull();
        tenant.Credentials.ShouldBe(new MetaCredentials("t"));
    }

    [Fact]
    public void Unknown_fields_are_ignored_at_every_level()
    {
        var json = $$$"""{"provider":"meta","note":"x","apiKeySha256":"{{{Hash}}}","extra":{"deep":[1,2]},"credentials":{"accessToken":"t","region":"ignored","future":true}}""";

        TenantDocument.Parse("acme", json).Tenant!.Credentials.ShouldBe(new MetaCredentials("t"));
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_document_names_the_field_and_never_repeats_a_value(string json, string field)
    {
        var result = TenantDocument.Parse("acme", json);

        result.IsValid.ShouldBeFalse();
        result.Error.Field.ShouldBe(field);
        result.Error.Message.ShouldNotContain(SecretMarker, Case.Insensitive);
        if (field != TenantDocumentError.WholeDocument)
        {
            result.Error.Message.ShouldContain($"'{field}'");
        }
    }

    [Fact]
    public void A_broken_document_keeps_its_key_hash_only_when_that_field_was_usable()
    {
        var missingRegion = $$$"""{"provider":"aws","apiKeySha256":"{{{Hash}}}","phone":"phone-number-id-1","credentials":{"accessKeyId":"AKID","secretAccessKey":"s"}}""";
        var badHash = $$$"""{"provider":"meta","apiKeySha256":"nope","credentials":{}}""";

        TenantDocument.Parse("acme", missingRegion).ApiKeySha256.ShouldBe(Hash);
        TenantDocument.Parse("acme", badHash).ApiKeySha256.ShouldBeNull();
    }

    [Fact]
    public void An_oversized_document_is_refused_without_parsing()
    {
        var json = Meta()[..^1] + ",\"padding\":\"" + new string('x', TenantDocument.MaxLength) + "\"}";

        TenantDocument.Parse("acme", json).Error!.Field.ShouldBe(TenantDocumentError.WholeDocument);
    }

    [Fact]
    public void Parsing_for_an_invalid_tenant_id_is_refused() =>
        Should.Throw<ArgumentException>(() => TenantDocument.Parse("../acme", Meta()));

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void A_tenant_prints_without_secrets_or_key_hash(string json, ProviderKind provider)
    {
        var tenant = TenantDocument.Parse("acme", json).Tenant!;

        var printed = tenant.ToString() + TenantLookup.Found(tenant) + TenantDocument.Parse("acme", json);

        printed.ShouldNotContain(SecretMarker);
        printed.ShouldNotContain(ApiKeySha256);
        printed.ShouldContain(provider.ToName());
    }

    [Fact]
    public void A_retention_policy_is_read_and_written_back_in_its_canonical_form()
    {
        var read = TenantDocument.Parse("acme", $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":{"deleteAfter":"P1W"},"credentials":{"accessToken":"t"}}""");

        read.Tenant!.RetentionDeleteAfter.ShouldBe(TimeSpan.FromDays(7));
        var written = TenantDocument.Serialize(read.Tenant);
        written.ShouldContain("\"retention\":{\"deleteAfter\":\"P7D\"}");
        TenantDocument.Parse("acme", written).Tenant!.RetentionDeleteAfter.ShouldBe(TimeSpan.FromDays(7));
        TenantDocument.Parse("acme", $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","retention":null,"credentials":{"accessToken":"t"}}""").Tenant!.RetentionDeleteAfter.ShouldBeNull();
    }
}

using System.Globalization;
using WhatsAppMedia.Core.Providers.Aws;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

public class SigV4SignerTests
{
    private const string MediaId = "3f5a1b2c4d6e7f8091a2b3c4d5e6f708";
    private const string PhoneNumberId = "phone-number-id-01234567890123456789012345678901";
    private const string PhoneNumberArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/01234567890123456789012345678901";
    private const string Host = "social-messaging.us-east-1.amazonaws.com";

    private static readonly SigV4Credentials Example = new(SigV4VectorRequest.AccessKeyId, SigV4VectorRequest.SecretAccessKey);

    [Fact]
    public void Signs_the_worked_example_of_the_provider_notes()
    {
        var signed = SignDelete(PhoneNumberId, Example);

        signed.CanonicalRequest.Text.ShouldBe("""
            DELETE
            /v1/whatsapp/media
            mediaId=3f5a1b2c4d6e7f8091a2b3c4d5e6f708&originationPhoneNumberId=phone-number-id-01234567890123456789012345678901
            host:social-messaging.us-east-1.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """);
        signed.AmzDate.ShouldBe("20150830T123600Z");
        signed.Signature.ShouldBe("b2d4e575024a89a2ef37653ed7365ace1ef39f22cd83c8da73b3adfbd6470934");
        signed.Authorization.ShouldBe(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/social-messaging/aws4_request, SignedHeaders=host;x-amz-date, Signature=b2d4e575024a89a2ef37653ed7365ace1ef39f22cd83c8da73b3adfbd6470934");
    }

    /// <summary>
    /// The ARN form differs from the worked example only in the phone value, whose <c>:</c> and <c>/</c> must be
    /// %3A and %2F in the canonical query (RFC 3986, uppercase hex). The encoding rule itself is proven by the vector
    /// cases (get-vanilla-query-order-encoded, get-vanilla-utf8-query, get-vanilla-query-unreserved); this pins the
    /// resulting signature so a change in how the ARN is encoded or ordered cannot pass unnoticed. The value was
    /// computed by this signer and agrees with botocore's SigV4Auth (an independent implementation) for the same request.
    /// </summary>
    [Fact]
    public void Signs_the_worked_example_with_an_arn_phone_id()
    {
        var signed = SignDelete(PhoneNumberArn, Example);

        signed.CanonicalRequest.Text.ShouldBe("""
            DELETE
            /v1/whatsapp/media
            mediaId=3f5a1b2c4d6e7f8091a2b3c4d5e6f708&originationPhoneNumberId=arn%3Aaws%3Asocial-messaging%3Aus-east-1%3A123456789012%3Aphone-number-id%2F01234567890123456789012345678901
            host:social-messaging.us-east-1.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """);
        signed.StringToSign.ShouldBe("""
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/social-messaging/aws4_request
            30f5db3e18ed9d4aeecda08c37d98af6ce0878b63061f5a7297eda9c57bce160
            """);
        signed.Signature.ShouldBe("3a2aeab9ea6becd0de88d0e8bfa8c23e88017308111e4fd417ac1dd6bea49e44");
    }

    /// <summary>Pinned like the ARN case, and likewise in agreement with botocore.</summary>
    [Fact]
    public void Signs_the_session_token_as_x_amz_security_token()
    {
        var signed = SignDelete(PhoneNumberId, Example with { SessionToken = "FwoGZXIvYXdzEXAMPLETOKEN+/=" });

        signed.CanonicalRequest.SignedHeaders.ShouldBe("host;x-amz-date;x-amz-security-token");
        signed.CanonicalRequest.Text.ShouldContain("\nx-amz-security-token:FwoGZXIvYXdzEXAMPLETOKEN+/=\n");
        signed.Signature.ShouldBe("f6e26bdcf27f41e26fccb268c5905025c7635f33f37c9341f44d866b712ea6e1");
        signed.Authorization.ShouldContain("SignedHeaders=host;x-amz-date;x-amz-security-token, ");
    }

    /// <summary>The example of AWS's "derive a signing key" documentation.</summary>
    [Fact]
    public void Derives_the_documented_signing_key()
    {
        var key = SigV4Signer.DeriveSigningKey(SigV4VectorRequest.SecretAccessKey, new SigV4Scope("20120215", "us-east-1", "iam"));

        Convert.ToHexStringLower(key).ShouldBe("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    [Fact]
    public void The_date_is_the_utc_time_of_signing()
    {
        var signed = SigV4Signer.Sign(DeleteRequest(PhoneNumberId), Example, "us-east-1", "social-messaging", new DateTimeOffset(2015, 8, 30, 14, 36, 0, TimeSpan.FromHours(2)));

        signed.AmzDate.ShouldBe("20150830T123600Z");
        signed.Signature.ShouldBe("b2d4e575024a89a2ef37653ed7365ace1ef39f22cd83c8da73b3adfbd6470934");
    }

    [Theory]
    [InlineData("abcXYZ019-._~", "abcXYZ019-._~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("arn:aws/x", "arn%3Aaws%2Fx")]
    [InlineData("ሴ", "%E1%88%B4")]
    [InlineData("%2F", "%252F")]
    [InlineData("*", "%2A")]
    [InlineData("", "")]
    public void Encodes_per_rfc_3986_with_uppercase_hex(string value, string encoded) => AwsUriEncoding.Encode(value).ShouldBe(encoded);

    [Theory]
    [InlineData("/v1/whatsapp/media", "/v1/whatsapp/media")]
    [InlineData("", "/")]
    [InlineData("/a/./b/../c/", "/a/c/")]
    [InlineData("/a/.", "/a/")]
    [InlineData("/../a", "/a")]
    [InlineData("/a%2Fb", "/a%252Fb")]
    public void Normalises_and_encodes_the_path(string path, string canonical) => SigV4CanonicalUri.FromPath(path).ShouldBe(canonical);

    [Theory]
    [InlineData("value\r\nx-amz-date:20990101T000000Z")]
    [InlineData("value\nforged")]
    [InlineData("nul\0")]
    public void Refuses_a_header_value_that_could_forge_a_canonical_line(string value) =>
        Should.Throw<ArgumentException>(() => SigV4Signer.Sign(
            DeleteRequest(PhoneNumberId) with { Headers = [new("x-amz-user-agent", value)] }, Example, "us-east-1", "social-messaging", SigV4VectorRequest.Time));

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Amz-Date")]
    [InlineData("x-amz-security-token")]
    [InlineData("Authorization")]
    [InlineData("bad name")]
    [InlineData("bad:name")]
    public void Refuses_extra_headers_it_sets_itself_or_that_are_not_tokens(string name) =>
        Should.Throw<ArgumentException>(() => SigV4Signer.Sign(
            DeleteRequest(PhoneNumberId) with { Headers = [new(name, "x")] }, Example, "us-east-1", "social-messaging", SigV4VectorRequest.Time));

    [Theory]
    [InlineData("us-east-1/x", "social-messaging")]
    [InlineData("us-east-1\n", "social-messaging")]
    [InlineData("", "social-messaging")]
    [InlineData("US-EAST-1", "social-messaging")]
    [InlineData("us-east-1", "social messaging")]
    [InlineData("us-east-1", "")]
    public void Refuses_a_scope_part_that_could_break_the_scope(string region, string service) =>
        Should.Throw<ArgumentException>(() => SigV4Signer.Sign(DeleteRequest(PhoneNumberId), Example, region, service, SigV4VectorRequest.Time));

    [Theory]
    [InlineData("AKID/EXAMPLE")]
    [InlineData("AKID, Signature=0")]
    [InlineData("")]
    public void Refuses_an_access_key_id_that_could_break_the_authorization_header(string accessKeyId) =>
        Should.Throw<ArgumentException>(() => SigV4Signer.Sign(DeleteRequest(PhoneNumberId), Example with { AccessKeyId = accessKeyId }, "us-east-1", "social-messaging", SigV4VectorRequest.Time));

    [Fact]
    public void Texts_that_hold_the_session_token_stay_out_of_ToString()
    {
        const string token = "SECRET-SESSION-TOKEN";
        var credentials = Example with { SessionToken = token };
        var signed = SignDelete(PhoneNumberId, credentials);

        signed.CanonicalRequest.Text.ShouldContain(token);
        signed.ToString().ShouldNotContain(token);
        signed.CanonicalRequest.ToString().ShouldNotContain(token);
        credentials.ToString().ShouldNotContain(token);
        credentials.ToString().ShouldNotContain(SigV4VectorRequest.SecretAccessKey);
        credentials.ToString().ShouldContain(SigV4VectorRequest.AccessKeyId);
    }

    [Fact]
    public void Reads_back_the_amz_date_it_writes()
    {
        var time = DateTimeOffset.Parse("2026-03-02T10:11:12Z", CultureInfo.InvariantCulture);

        SigV4Signer.TryParseAmzDate(SigV4Signer.FormatAmzDate(time), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(time);
        SigV4Signer.TryParseAmzDate("2026-03-02T10:11:12Z", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("content-length")]
    [InlineData("X-Amz-Content-Sha256")]
    public void A_body_sets_its_own_headers_and_refuses_a_request_that_names_them(string header)
    {
        var request = new SigV4Request("POST", Host, "/v1/whatsapp/media/get", [], [new(header, "x")]);

        Should.Throw<ArgumentException>(() => SigV4Body.Attach(request, "{}"u8, "application/json"));
    }

    /// <summary>A GetWhatsAppMessageMedia-shaped request: the body's hash is the payload hash and travels signed as x-amz-content-sha256.</summary>
    [Fact]
    public void Signs_a_json_body_with_its_hash_length_and_type()
    {
        var body = """{"mediaId":"3f5a1b2c4d6e7f8091a2b3c4d5e6f708","originationPhoneNumberId":"phone-number-id-01234567890123456789012345678901","metadataOnly":true}"""u8.ToArray();
        var request = SigV4Body.Attach(new SigV4Request("POST", Host, "/v1/whatsapp/media/get", [], []), body, "application/json");

        var signed = SigV4Signer.Sign(request, Example, "us-east-1", "social-messaging", SigV4VectorRequest.Time);

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        signed.CanonicalRequest.SignedHeaders.ShouldBe("content-length;content-type;host;x-amz-content-sha256;x-amz-date");
        signed.CanonicalRequest.Text.ShouldBe($"""
            POST
            /v1/whatsapp/media/get

            content-length:{body.Length}
            content-type:application/json
            host:social-messaging.us-east-1.amazonaws.com
            x-amz-content-sha256:{hash}
            x-amz-date:20150830T123600Z

            content-length;content-type;host;x-amz-content-sha256;x-amz-date
            {hash}
            """);
    }

    private static SigV4Signature SignDelete(string phone, SigV4Credentials credentials) =>
        SigV4Signer.Sign(DeleteRequest(phone), credentials, "us-east-1", "social-messaging", SigV4VectorRequest.Time);

    private static SigV4Request DeleteRequest(string phone) => new(
        "DELETE",
        Host,
        "/v1/whatsapp/media",
        [SigV4QueryParameter.FromValue("mediaId", MediaId), SigV4QueryParameter.FromValue("originationPhoneNumberId", phone)],
        []);
}

using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>
/// Every provider reads at most <see cref="ProviderResponseBody.MaxBytes"/> of an answer and classifies from that:
/// a body that never ends neither throws, hangs nor gets buffered, over real HTTP and through a counting stream.
/// </summary>
public sealed class OversizedAnswerTests
{
    private const string SgcMediaId = "1234567890123456789";

    /// <summary>Every provider's success markers, then a string that the endless spaces never close.</summary>
    private const string UnclosedSuccess = "{\"success\":true,\"code\":0,\"data\":{\"success\":true},\"status\":\"success\",\"padding\":\"";

    public static TheoryData<ProviderKind> Providers => [ProviderKind.Meta, ProviderKind.Aws, ProviderKind.NxCloud, ProviderKind.SmsGatewayCenter];

    /// <summary>A complete answer in each provider's own shape, which the endless spaces after it leave valid JSON.</summary>
    public static TheoryData<ProviderKind, HttpStatusCode, string, ProviderOutcome> MeaningfulStarts => new()
    {
        { ProviderKind.Meta, HttpStatusCode.BadRequest, """{"error":{"message":"(#80007) Too many calls","type":"OAuthException","code":80007}}""", ProviderOutcome.Throttled },
        { ProviderKind.Aws, HttpStatusCode.NotFound, """{"__type":"ResourceNotFoundException","message":"The requested resource was not found."}""", ProviderOutcome.NotFound },
        { ProviderKind.NxCloud, HttpStatusCode.OK, """{"code":0,"data":{"success":true},"message":"success"}""", ProviderOutcome.Deleted },
        { ProviderKind.SmsGatewayCenter, HttpStatusCode.OK, $$"""{"status":"success","mediaId":"{{SgcMediaId}}","statusCode":"200","reason":"success"}""", ProviderOutcome.Deleted },
    };

    [Theory]
    [MemberData(nameof(MeaningfulStarts))]
    public async Task An_answer_followed_by_endless_padding_is_classified_from_its_start_reading_only_the_cap(
        ProviderKind kind, HttpStatusCode status, string start, ProviderOutcome expected)
    {
        using var handler = new EndlessBodyHandler(status, start);
        using var client = new HttpClient(handler);

        var answer = await Send(kind, client, new Uri("https://provider.example/"));

        answer.Outcome.ShouldBe(expected);
        answer.HttpStatus.ShouldBe((int)status);
        handler.RequestCount.ShouldBe(1);
        handler.Body.BytesRead.ShouldBe(ProviderResponseBody.MaxBytes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_success_status_with_a_body_that_never_closes_is_never_called_deleted(ProviderKind kind)
    {
        using var handler = new EndlessBodyHandler(HttpStatusCode.OK, UnclosedSuccess);
        using var client = new HttpClient(handler);

        var answer = await Send(kind, client, new Uri("https://provider.example/"));

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        handler.Body.BytesRead.ShouldBe(ProviderResponseBody.MaxBytes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_endless_error_page_over_real_http_is_transient_with_a_trimmed_message(ProviderKind kind)
    {
        await using var server = await EndlessBodyServer.StartAsync();
        using var client = new HttpClient();

        var answer = await Send(kind, client, server.BaseUrl);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.HttpStatus.ShouldBe(500);
        (answer.ProviderMessage?.Length ?? 0).ShouldBeLessThanOrEqualTo(ProviderAnswer.MaxMessageLength + 1);
        server.RequestCount.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ProviderResponseBody.MaxBytes - 1)]
    [InlineData(ProviderResponseBody.MaxBytes)]
    public async Task A_body_up_to_the_cap_is_read_whole(int length)
    {
        var body = new string('a', length);
        using var content = new StringContent(body);

        (await ProviderResponseBody.ReadAsync(content, CancellationToken.None)).ShouldBe(body);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_cut_at_the_cap()
    {
        using var content = new StringContent(new string('a', ProviderResponseBody.MaxBytes) + "TAIL");

        var read = await ProviderResponseBody.ReadAsync(content, CancellationToken.None);

        read.Length.ShouldBe(ProviderResponseBody.MaxBytes);
        read.ShouldNotContain("T");
    }

    [Fact]
    public async Task A_character_cut_by_the_cap_becomes_a_replacement_character_not_an_exception()
    {
        // 'é' is two bytes in UTF-8; the cap falls between them.
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('a', ProviderResponseBody.MaxBytes - 1) + "é"));

        var read = await ProviderResponseBody.ReadAsync(content, CancellationToken.None);

        read.ShouldEndWith("a\uFFFD");
    }

    private static Task<ProviderAnswer> Send(ProviderKind kind, HttpClient client, Uri baseUrl)
    {
        // As the service registers the typed clients: the base URL is the client's base address (AWS builds its own).
        client.BaseAddress = EndpointPolicy.AsBaseAddress(baseUrl);
        var clock = new FakeTimeProvider(FakeClockSandboxFixture.Now);
        return kind switch
        {
            ProviderKind.Meta => new MetaMediaProvider(client, Options.Create(new MetaOptions()), clock)
                .SendDeleteAsync(new MediaTarget("1234567890123456", null), new MetaCredentials("meta-token", null)),
            ProviderKind.Aws => new AwsMediaProvider(client, Options.Create(new AwsOptions { Endpoint = baseUrl }), clock)
                .SendDeleteAsync(new MediaTarget("0123456789abcdef0123456789abcdef", "phone-number-id-0123456789abcdef"), new AwsCredentials("AKIDEXAMPLE", "aws-secret", null, "us-east-1")),
            ProviderKind.NxCloud => new NxCloudMediaProvider(client, clock)
                .SendDeleteAsync(new MediaTarget("3f5a1b2c-4d6e-7f80-91a2-b3c4d5e6f709", "8613800000000"), new NxCloudCredentials("nx-access-key", "nx-secret")),
            ProviderKind.SmsGatewayCenter => new SmsGatewayCenterMediaProvider(client, clock)
                .SendDeleteAsync(new MediaTarget(SgcMediaId, null), new SmsGatewayCenterCredentials("sgc-api-key", null, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown provider."),
        };
    }
}

using System.Net;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>The SMSGatewayCenter sandbox refuses what the provider refuses; driven with raw HTTP, not the provider.</summary>
public sealed class SmsGatewayCenterImitationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string ApiKey = SandboxAccounts.SmsGatewayCenter.ApiKey;
    private const string UserId = SandboxAccounts.SmsGatewayCenter.UserId;

    private static readonly string EncodedPassword = Uri.EscapeDataString(SandboxAccounts.SmsGatewayCenter.Password);

    private readonly HttpClient _httpClient = new();

    private ProviderSandbox Sandbox => fixture.Sandbox;

    public void Dispose() => _httpClient.Dispose();

    [Fact]
    public async Task Answers_the_documented_success_body()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var (status, body) = await DeleteAsync($"?output=json&mediaId={mediaId}", ApiKey);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe($$$"""{"status":"success","mediaId":"{{{mediaId}}}","statusCode":"200","reason":"success"}""");
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeFalse();
    }

    [Theory]
    [InlineData("?output=json&mediaId={0}", null)]
    [InlineData("?userid=" + UserId + "&output=json&mediaId={0}", null)]
    [InlineData("?userid=" + UserId + "&password=wrong&output=json&mediaId={0}", null)]
    [InlineData("?userid=nobody&password=wrong&output=json&mediaId={0}", null)]
    [InlineData("?output=json&mediaId={0}", "unregisteredkey")]
    [InlineData("?output=json&mediaId={0}", UserId)]
    [InlineData("?userid=" + ApiKey + "&password=&output=json&mediaId={0}", null)]
    [InlineData("?userid=" + UserId + "&password=PASSWORD&output=json&mediaId={0}", "unregisteredkey")]
    [InlineData("?userid=" + UserId + "&password=sand box&p@ss=1&output=json&mediaId={0}", null)]
    public async Task Refuses_bad_credentials_with_an_error_body_and_http_200(string queryFormat, string? apiKey)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, queryFormat, mediaId).Replace("PASSWORD", EncodedPassword, StringComparison.Ordinal);

        var (status, body) = await DeleteAsync(query, apiKey);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("""{"status":"error","statusCode":"401","reason":"Invalid API key / credentials"}""");
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Accepts_the_encoded_password()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var (_, body) = await DeleteAsync($"?userid={UserId}&password={EncodedPassword}&output=json&mediaId={mediaId}", apiKey: null);

        body.ShouldContain("\"status\":\"success\"");
    }

    [Theory]
    [InlineData("?mediaId={0}")]
    [InlineData("?output=xml&mediaId={0}")]
    [InlineData("?output=JSON&mediaId={0}")]
    [InlineData("?output=json&output=json&mediaId={0}")]
    public async Task Requires_output_json(string queryFormat)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var (status, _) = await DeleteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, queryFormat, mediaId), ApiKey);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("?output=json")]
    [InlineData("?output=json&mediaId=")]
    [InlineData("?output=json&mediaId=abc")]
    [InlineData("?output=json&mediaId=1&mediaId=2")]
    public async Task Refuses_a_missing_or_malformed_media_id(string query)
    {
        var (status, body) = await DeleteAsync(query, ApiKey);

        status.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(body).RootElement.GetProperty("statusCode").GetString().ShouldBe("400");
    }

    [Fact]
    public async Task Answers_not_found_with_http_200()
    {
        var (status, body) = await DeleteAsync("?output=json&mediaId=1000000000000000001", ApiKey);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("""{"status":"error","statusCode":"404","reason":"Media not found or expired"}""");
    }

    [Fact]
    public async Task Refuses_another_method()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sandbox.BaseUri, $"smsgatewaycenter/WAApi/media?output=json&mediaId={mediaId}"));
        request.Headers.Add("apiKey", ApiKey);

        using var response = await _httpClient.SendAsync(request);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Renders_faults_with_real_statuses()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(4)));
        Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.ServerError(502));
        Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.RefuseCredentials());

        using (var throttled = await SendDeleteAsync($"?output=json&mediaId={mediaId}", ApiKey))
        {
            throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(4));
        }

        using (var serverError = await SendDeleteAsync($"?output=json&mediaId={mediaId}", ApiKey))
        {
            serverError.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            serverError.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("text/html");
        }

        var (refusedStatus, refusedBody) = await DeleteAsync($"?output=json&mediaId={mediaId}", ApiKey);
        refusedStatus.ShouldBe(HttpStatusCode.Unauthorized);
        refusedBody.ShouldContain("\"statusCode\":\"401\"");

        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public void Makes_19_digit_media_ids()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter)).ToList();

        ids.ShouldAllBe(id => id.Length == 19 && id[0] != '0' && id.All(char.IsAsciiDigit));
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    private async Task<(HttpStatusCode Status, string Body)> DeleteAsync(string query, string? apiKey)
    {
        using var response = await SendDeleteAsync(query, apiKey);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendDeleteAsync(string query, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Sandbox.BaseUri, "smsgatewaycenter/WAApi/media" + query));
        if (apiKey is not null)
        {
            request.Headers.Add("apiKey", apiKey);
        }

        return await _httpClient.SendAsync(request);
    }
}

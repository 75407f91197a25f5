using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>The Meta sandbox refuses what Meta refuses, with Meta's own bodies; driven with raw HTTP, not the provider.</summary>
public sealed class MetaImitationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Token = SandboxAccounts.Meta.AccessToken;

    private readonly HttpClient _httpClient = new();

    private ProviderSandbox Sandbox => fixture.Sandbox;

    public void Dispose() => _httpClient.Dispose();

    [Fact]
    public async Task Answers_success_true_and_forgets_the_media()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var (status, body) = await DeleteAsync($"v23.0/{mediaId}", Token);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("""{"success":true}""");
        Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Deleting_twice_answers_100_33_the_second_time()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        await DeleteAsync($"v23.0/{mediaId}", Token);

        var (status, body) = await DeleteAsync($"v23.0/{mediaId}", Token);

        status.ShouldBe(HttpStatusCode.BadRequest);
        var error = Error(body);
        error.GetProperty("code").GetInt32().ShouldBe(100);
        error.GetProperty("error_subcode").GetInt32().ShouldBe(33);
        error.GetProperty("type").GetString().ShouldBe("GraphMethodException");
        error.GetProperty("fbtrace_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic " + Token)]
    [InlineData("Bearer ")]
    [InlineData("Bearer EAAUnregisteredToken")]
    [InlineData("Bearer " + SandboxAccounts.NxCloud.AccessKey)]
    public async Task Refuses_a_missing_or_unregistered_token_with_190(string? authorization)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var (status, body) = await DeleteAsync($"v23.0/{mediaId}", authorization: authorization);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        Error(body).GetProperty("code").GetInt32().ShouldBe(190);
        Error(body).GetProperty("type").GetString().ShouldBe("OAuthException");
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_a_token_sent_only_in_the_query()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var (status, _) = await DeleteAsync($"v23.0/{mediaId}?access_token={Token}", token: null);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("23.0")]
    [InlineData("v23")]
    [InlineData("version23")]
    [InlineData("v23.0a")]
    public async Task Refuses_a_malformed_graph_version(string version)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var (status, body) = await DeleteAsync($"{version}/{mediaId}", Token);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Error(body).GetProperty("code").GetInt32().ShouldBe(2500);
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("?phone_number_id=abc")]
    [InlineData("?phone_number_id=")]
    [InlineData("?phone_number_id=1&phone_number_id=2")]
    public async Task Refuses_a_malformed_phone_number_id_with_100(string query)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var (status, body) = await DeleteAsync($"v23.0/{mediaId}{query}", Token);

        status.ShouldBe(HttpStatusCode.BadRequest);
        var error = Error(body);
        error.GetProperty("code").GetInt32().ShouldBe(100);
        error.TryGetProperty("error_subcode", out _).ShouldBeFalse();
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refuses_another_method()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sandbox.BaseUri, $"meta/v23.0/{mediaId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await _httpClient.SendAsync(request);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Renders_faults_in_meta_shape()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Sandbox.Meta.InjectFault(SandboxFault.ServerError(502));
        Sandbox.Meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(2.5)));
        Sandbox.Meta.InjectFault(SandboxFault.RefuseCredentials());

        var (serverStatus, serverBody) = await DeleteAsync($"v23.0/{mediaId}", Token);
        serverStatus.ShouldBe(HttpStatusCode.BadGateway);
        Error(serverBody).GetProperty("code").GetInt32().ShouldBe(2);
        Error(serverBody).GetProperty("is_transient").GetBoolean().ShouldBeTrue();

        using (var throttled = await SendDeleteAsync($"v23.0/{mediaId}", Token))
        {
            throttled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            throttled.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(3));
            Error(await throttled.Content.ReadAsStringAsync()).GetProperty("code").GetInt32().ShouldBe(80007);
        }

        var (refusedStatus, refusedBody) = await DeleteAsync($"v23.0/{mediaId}", Token);
        refusedStatus.ShouldBe(HttpStatusCode.Unauthorized);
        Error(refusedBody).GetProperty("code").GetInt32().ShouldBe(190);

        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public void Makes_16_digit_media_ids()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => Sandbox.CreateMedia(ProviderKind.Meta)).ToList();

        ids.ShouldAllBe(id => id.Length == 16 && id[0] != '0' && id.All(char.IsAsciiDigit));
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    private async Task<(HttpStatusCode Status, string Body)> DeleteAsync(string relative, string? token = null, string? authorization = null)
    {
        using var response = await SendDeleteAsync(relative, token, authorization);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendDeleteAsync(string relative, string? token = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Sandbox.BaseUri, "meta/" + relative));
        var header = authorization ?? (token is null ? null : "Bearer " + token);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        return await _httpClient.SendAsync(request);
    }

    private static JsonElement Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").Clone();
}

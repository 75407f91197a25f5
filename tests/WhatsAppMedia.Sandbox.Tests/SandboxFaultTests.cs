using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>The faults tests build on, and the control API that lets other processes inject them.</summary>
public sealed class SandboxFaultTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { BaseAddress = fixture.Sandbox.BaseUri };

    private SandboxProviderState Meta => fixture.Sandbox.Meta;

    public void Dispose()
    {
        Meta.ClearFaults();
        _http.Dispose();
    }

    [Fact]
    public async Task A_held_request_stays_in_flight_until_released_and_is_then_answered_normally()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Meta);
        var release = new TaskCompletionSource();
        Meta.InjectFault(SandboxFault.Hold(release.Task));
        var requestsBefore = Meta.RequestsSeen;

        var deletion = _http.SendAsync(MetaDelete(mediaId));
        await Meta.WaitForRequestsAsync(requestsBefore + 1).WaitAsync(Guard);

        deletion.IsCompleted.ShouldBeFalse();
        Meta.HasMedia(mediaId).ShouldBeTrue();
        release.SetResult();
        using var response = await deletion.WaitAsync(Guard);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Meta.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Waiting_for_requests_already_seen_completes_at_once()
    {
        using var response = await _http.SendAsync(MetaDelete("1"));

        Meta.WaitForRequestsAsync(Meta.RequestsSeen).IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Reject_is_injected_through_the_control_api_and_refuses_the_next_request_in_the_providers_shape()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Meta);

        using var injected = await _http.PostAsJsonAsync("/_sandbox/meta/faults", new { kind = "reject" });
        using var refused = await _http.SendAsync(MetaDelete(mediaId));
        using var accepted = await _http.SendAsync(MetaDelete(mediaId));

        injected.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(100);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, "a fault applies to one request only");
    }

    [Theory]
    [InlineData("hold", 1)]
    [InlineData("7", 1)]
    [InlineData("explode", 1)]
    [InlineData("throttle", 0)]
    [InlineData("throttle", 10_001)]
    public async Task The_control_api_refuses_faults_it_cannot_inject_and_injects_nothing(string kind, int times)
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Meta);

        using var response = await _http.PostAsJsonAsync("/_sandbox/meta/faults", new { kind, times });
        using var deletion = await _http.SendAsync(MetaDelete(mediaId));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        detail.ShouldNotBeNull().ShouldContain("reject");
        detail.ShouldNotContain("Hold");
        deletion.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_control_api_names_the_providers_when_it_does_not_know_one()
    {
        using var response = await _http.PostAsJsonAsync("/_sandbox/telegram/faults", new { kind = "reject" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("meta");
    }

    private static HttpRequestMessage MetaDelete(string mediaId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/meta/v23.0/{mediaId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxAccounts.Meta.AccessToken);
        return request;
    }
}

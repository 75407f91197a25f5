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

    /// <summary>A host that runs the sandbox stops it with its own shutdown deadline; a caller still held must not stretch that.</summary>
    [Fact]
    public async Task Stopped_with_its_deadline_passed_it_cuts_a_held_request_off_instead_of_waiting_for_its_release()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        var never = new TaskCompletionSource();
        sandbox.Meta.InjectFault(SandboxFault.Hold(never.Task));
        var deletion = http.SendAsync(MetaDelete(sandbox.CreateMedia(ProviderKind.Meta)));
        await sandbox.Meta.WaitForRequestsAsync(1).WaitAsync(Guard);

        await sandbox.StopAsync(new CancellationToken(canceled: true)).WaitAsync(Guard);

        await Should.ThrowAsync<HttpRequestException>(() => deletion.WaitAsync(Guard));
        never.Task.IsCompleted.ShouldBeFalse();
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

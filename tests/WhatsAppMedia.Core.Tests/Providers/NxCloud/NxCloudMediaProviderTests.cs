using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>Every outcome and the exact wire format, over real HTTP against the sandbox imitation.</summary>
[Collection(NxCloudSandboxCollection.Name)]
public sealed class NxCloudMediaProviderTests(NxCloudSandboxFixture fixture)
{
    private const string Phone = SandboxAccounts.NxCloud.BusinessPhone;

    [Fact]
    public async Task Deletes_media_and_the_sandbox_no_longer_has_it()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.ShouldBe(new ProviderAnswer(ProviderOutcome.Deleted, 200));
        fixture.State.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Sends_exactly_the_documented_request()
    {
        var mediaId = fixture.CreateMedia();
        var provider = fixture.Provider(out var clock);

        await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        var request = fixture.State.Requests.Single(r => r.Body.Contains(mediaId, StringComparison.Ordinal));
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var body = $$"""{"business_phone":"{{Phone}}","Media-ID":"{{mediaId}}","messaging_product":"whatsapp"}""";
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/nxcloud/api/wa/deleteMedia");
        request.Query.ShouldBeEmpty();
        request.Body.ShouldBe(body);
        request.Header("Content-Type").ShouldBe("application/json");
        request.Header("accessKey").ShouldBe(SandboxAccounts.NxCloud.AccessKey);
        request.Header("ts").ShouldBe(ts);
        request.Header("bizType").ShouldBe("2");
        request.Header("action").ShouldBe("deleteMedia");
        request.Header("sign").ShouldBe(IndependentMd5Hex(
            $"accessKey={SandboxAccounts.NxCloud.AccessKey}&action=deleteMedia&bizType=2&ts={ts}&body={body}&accessSecret={SandboxAccounts.NxCloud.AccessSecret}"));
        request.Headers.Values.ShouldAllBe(value => !value.Contains(SandboxAccounts.NxCloud.AccessSecret, StringComparison.Ordinal));
        request.Body.ShouldNotContain(SandboxAccounts.NxCloud.AccessSecret);
    }

    [Fact]
    public async Task Every_attempt_carries_a_fresh_ts_and_sign()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var target = new MediaTarget(mediaId, Phone);
        var provider = fixture.Provider(out var clock);
        fixture.State.InjectFault(SandboxFault.ServerError(503));

        var first = await provider.SendDeleteAsync(target, NxCloudSandboxFixture.Credentials);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        var second = await provider.SendDeleteAsync(target, NxCloudSandboxFixture.Credentials);

        first.Outcome.ShouldBe(ProviderOutcome.Transient);
        second.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var attempts = fixture.State.Requests.Where(r => r.Body.Contains(mediaId, StringComparison.Ordinal)).ToArray();
        attempts.Length.ShouldBe(2);
        attempts[0].Body.ShouldBe(attempts[1].Body);
        long.Parse(attempts[1].Header("ts")!, CultureInfo.InvariantCulture)
            .ShouldBe(long.Parse(attempts[0].Header("ts")!, CultureInfo.InvariantCulture) + 1500);
        attempts[1].Header("sign").ShouldNotBe(attempts[0].Header("sign"));
        foreach (var attempt in attempts)
        {
            attempt.Header("sign").ShouldBe(NxCloudSigner.Sign(
                SandboxAccounts.NxCloud.AccessKey, "deleteMedia", "2", attempt.Header("ts")!, attempt.Body, SandboxAccounts.NxCloud.AccessSecret));
        }
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    public async Task A_ts_more_than_60_seconds_off_the_sandbox_clock_is_transient_and_names_clock_skew(int skewSeconds)
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _, TimeSpan.FromSeconds(skewSeconds));

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.ProviderCode.ShouldBe("1004");
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("clock");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_stale_ts_passes_once_the_clock_is_right_again()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var target = new MediaTarget(mediaId, Phone);
        var provider = fixture.Provider(out var clock, TimeSpan.FromSeconds(-90));

        var stale = await provider.SendDeleteAsync(target, NxCloudSandboxFixture.Credentials);
        clock.Advance(TimeSpan.FromSeconds(90));
        var fresh = await provider.SendDeleteAsync(target, NxCloudSandboxFixture.Credentials);

        stale.Outcome.ShouldBe(ProviderOutcome.Transient);
        fresh.Outcome.ShouldBe(ProviderOutcome.Deleted);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public async Task A_ts_exactly_60_seconds_off_is_still_accepted(int skewSeconds)
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _, TimeSpan.FromSeconds(skewSeconds));

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
    }

    [Fact]
    public async Task Missing_media_is_rejected_keeping_the_providers_code_and_message()
    {
        var provider = fixture.Provider(out _);

        var answer = await provider.SendDeleteAsync(new MediaTarget(Guid.NewGuid().ToString(), Phone), NxCloudSandboxFixture.Credentials);

        answer.ShouldBe(new ProviderAnswer(ProviderOutcome.Rejected, 200, "9002", "media not found"));
    }

    [Fact]
    public async Task Media_of_another_business_phone_is_not_deleted()
    {
        var mediaId = fixture.CreateMedia("8613900139000");
        var provider = fixture.Provider(out _);

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Rejected);
        answer.ProviderCode.ShouldBe("9002");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Deleting_twice_reports_the_second_as_the_providers_refusal()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var target = new MediaTarget(mediaId, Phone);
        var provider = fixture.Provider(out _);

        (await provider.SendDeleteAsync(target, NxCloudSandboxFixture.Credentials)).Outcome.ShouldBe(ProviderOutcome.Deleted);
        var again = await provider.SendDeleteAsync(target, NxCloudSandboxFixture.Credentials);

        again.Outcome.ShouldBe(ProviderOutcome.Rejected);
        again.ProviderCode.ShouldBe("9002");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    public async Task Throttling_is_reported_with_the_delay_NxCloud_asked_for(int seconds)
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);
        fixture.State.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(seconds)));

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.HttpStatus.ShouldBe(429);
        answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(seconds));
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Throttling_without_Retry_After_leaves_the_delay_to_the_caller()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);
        fixture.State.InjectFault(SandboxFault.Throttle());

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_transient(int status)
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);
        fixture.State.InjectFault(SandboxFault.ServerError(status));

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.HttpStatus.ShouldBe(status);
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refused_credentials_are_reported_as_such()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);
        fixture.State.InjectFault(SandboxFault.RefuseCredentials());

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), NxCloudSandboxFixture.Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("1005");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_signature_and_is_credentials_refused()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);
        var wrongSecret = new NxCloudCredentials(SandboxAccounts.NxCloud.AccessKey, "not-the-sandbox-secret");

        var answer = await provider.SendDeleteAsync(new MediaTarget(mediaId, Phone), wrongSecret);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("1003");
        answer.Describe().ShouldNotContain("not-the-sandbox-secret");
        fixture.State.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_access_key_is_credentials_refused()
    {
        var mediaId = fixture.CreateMedia(Phone);
        var provider = fixture.Provider(out _);

        var answer = await provider.SendDeleteAsync(
            new MediaTarget(mediaId, Phone), new NxCloudCredentials("unknownaccesskey", SandboxAccounts.NxCloud.AccessSecret));

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("1005");
    }

    [Fact]
    public async Task Cancellation_propagates_and_sends_nothing()
    {
        var provider = fixture.Provider(out _);
        var before = fixture.State.Requests.Count;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            provider.SendDeleteAsync(new MediaTarget(fixture.CreateMedia(), Phone), NxCloudSandboxFixture.Credentials, cancelled.Token));

        fixture.State.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_connection_failure_propagates_as_HttpRequestException()
    {
        var closedPort = FreeLoopbackPort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{closedPort}/nxcloud/") };
        var provider = new NxCloudMediaProvider(client, new FakeTimeProvider(FakeClockSandboxFixture.Now));

        await Should.ThrowAsync<HttpRequestException>(() =>
            provider.SendDeleteAsync(new MediaTarget(Guid.NewGuid().ToString(), Phone), NxCloudSandboxFixture.Credentials));
    }

    [Fact]
    public void A_base_url_that_would_carry_credentials_over_plain_http_is_refused_at_start() =>
        new NxCloudOptionsValidator().Validate(null, new NxCloudOptions { BaseUrl = new Uri("http://api2.nxcloud.example") })
            .Failures.ShouldHaveSingleItem().ShouldStartWith("Providers:NxCloud:BaseUrl must be an absolute https URL");

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Recomputes NxCloud's MD5 sign independently of the code under test.")]
    private static string IndependentMd5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

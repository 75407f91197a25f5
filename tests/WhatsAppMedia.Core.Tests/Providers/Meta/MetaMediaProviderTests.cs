using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.Meta;

public sealed class MetaMediaProviderTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Token = SandboxAccounts.Meta.AccessToken;
    private const string OwnerPhone = SandboxAccounts.Meta.PhoneNumberId;

    private static readonly MetaCredentials Credentials = new(Token);

    private readonly SandboxFixture _fixture;

    private readonly RecordingHandler _sent = RecordingHandler.Forwarding();
    private readonly HttpClient _httpClient;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public MetaMediaProviderTests(SandboxFixture fixture)
    {
        _fixture = fixture;
        _httpClient = ProviderClients.For(_sent, fixture.Sandbox.BaseUrlFor(ProviderKind.Meta));
    }

    private ProviderSandbox Sandbox => _fixture.Sandbox;

    public void Dispose()
    {
        _httpClient.Dispose();
        _sent.Dispose();
    }

    [Fact]
    public async Task Deletes_existing_media()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        answer.HttpStatus.ShouldBe(200);
        Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task Sends_one_bearer_authorised_DELETE_with_no_query_and_no_body()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        var request = RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Method.ShouldBe("DELETE");
        request.Path.ShouldBe($"/meta/v23.0/{mediaId}");
        request.Query.ShouldBeEmpty();
        request.Header("Authorization").ShouldBe($"Bearer {Token}");
        request.Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sends_the_phone_as_phone_number_id_and_deletes_media_that_number_owns()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, OwnerPhone);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId, OwnerPhone), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        RequestsFor(mediaId).ShouldHaveSingleItem().Query.ShouldBe($"?phone_number_id={OwnerPhone}");
    }

    [Fact]
    public async Task Uses_the_tenant_graph_version_over_the_configured_one()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials with { GraphVersion = "v21.0" });

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        RequestsFor(mediaId).ShouldHaveSingleItem().Path.ShouldBe($"/meta/v21.0/{mediaId}");
    }

    [Fact]
    public async Task Uses_the_configured_graph_version_when_the_tenant_pins_none()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        await NewProvider(graphVersion: "v26.0").SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        RequestsFor(mediaId).ShouldHaveSingleItem().Path.ShouldBe($"/meta/v26.0/{mediaId}");
    }

    [Fact]
    public async Task Unknown_media_is_not_found_with_meta_code_and_a_note_that_it_may_be_a_permission_problem()
    {
        var answer = await NewProvider().SendDeleteAsync(new MediaTarget("1013859600000000"), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        answer.HttpStatus.ShouldBe(400);
        answer.ProviderCode.ShouldBe("100/33");
        answer.ProviderMessage.ShouldNotBeNull();
        answer.ProviderMessage.ShouldContain("same answer for both");
        answer.ProviderMessage.ShouldContain("does not exist, cannot be loaded due to missing permissions");
        answer.ProviderMessage.ShouldContain("fbtrace_id");
    }

    [Fact]
    public async Task Media_owned_by_another_phone_number_is_not_found_and_is_not_deleted()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, OwnerPhone);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId, "106540352242999"), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        answer.ProviderCode.ShouldBe("100/33");
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unregistered_token_is_refused_and_never_appears_in_the_answer()
    {
        const string unknownToken = "EAAUnknownTokenNobodyRegistered";
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), new MetaCredentials(unknownToken));

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.HttpStatus.ShouldBe(401);
        answer.ProviderCode.ShouldBe("190");
        answer.Describe().ShouldNotContain(unknownToken);
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Throttling_is_read_from_the_meta_code_although_the_status_is_400_and_keeps_retry_after()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Sandbox.Meta.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(7)));

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.HttpStatus.ShouldBe(400);
        answer.ProviderCode.ShouldBe("80007");
        answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        Sandbox.Meta.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Throttling_without_retry_after_leaves_the_delay_to_the_caller()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Sandbox.Meta.InjectFault(SandboxFault.Throttle());

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_transient_meta_error_is_transient(int status)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Sandbox.Meta.InjectFault(SandboxFault.ServerError(status));

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.HttpStatus.ShouldBe(status);
        answer.ProviderCode.ShouldBe("2");
    }

    [Fact]
    public async Task An_expired_token_is_credentials_refused()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta);
        Sandbox.Meta.InjectFault(SandboxFault.RefuseCredentials());

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderCode.ShouldBe("190/463");
        answer.Describe().ShouldNotContain(Token);
    }

    [Fact]
    public async Task A_base_url_that_reaches_no_graph_api_is_rejected()
    {
        var answer = await NewProvider(new Uri(Sandbox.BaseUri, "not-meta")).SendDeleteAsync(new MediaTarget("1013859600285441"), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Rejected);
        answer.HttpStatus.ShouldBe(404);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("../1013859600285441")]
    [InlineData("1013859600285441/../1")]
    [InlineData("%2F1013859600285441")]
    [InlineData("1013859600285441%2F")]
    [InlineData("1013859600285441?phone_number_id=1")]
    [InlineData("1013859600285441#x")]
    [InlineData("1013859600285441\r\nX-Injected: 1")]
    [InlineData("1013859600285441\n")]
    [InlineData("1013 859600285441")]
    [InlineData("-1013859600285441")]
    [InlineData("1013859600285441.0")]
    [InlineData("0x1F")]
    [InlineData("١٠١٣٨٥٩٦")]
    [InlineData("１０１３８５９６")]
    [InlineData("123456789012345678901234567890123")]
    public void Hostile_media_ids_are_refused_before_any_request(string mediaId)
    {
        var before = Sandbox.Meta.Requests.Count;
        var provider = NewProvider();

        var error = provider.Validate(new MediaTarget(mediaId)).ShouldNotBeNull();
        error.Code.ShouldBe(ErrorCodes.InvalidMediaId);
        if (mediaId.Trim().Length > 0)
        {
            error.Message.ShouldNotContain(mediaId.Trim());
        }

        EntryCheck.Refuses(provider, new MediaTarget(mediaId));
        Sandbox.Meta.Requests.Count.ShouldBe(before);
        _sent.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("+106540352242922")]
    [InlineData("106540352242922&access_token=x")]
    [InlineData("106540352242922#")]
    [InlineData("1065/40352242922")]
    [InlineData("106540352242922\r\n")]
    [InlineData("phone-number-id-1")]
    [InlineData("123456789012345678901234567890123")]
    public void Hostile_phone_number_ids_are_refused_before_any_request(string phone)
    {
        var before = Sandbox.Meta.Requests.Count;
        var provider = NewProvider();
        var target = new MediaTarget("1013859600285441", phone);

        provider.Validate(target).ShouldNotBeNull().Code.ShouldBe(ErrorCodes.InvalidPhone);
        EntryCheck.Refuses(provider, target);
        Sandbox.Meta.Requests.Count.ShouldBe(before);
        _sent.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void The_phone_is_optional() => NewProvider().Validate(new MediaTarget("1013859600285441")).ShouldBeNull();

    [Fact]
    public async Task Credentials_for_another_provider_are_refused_before_any_request()
    {
        var before = Sandbox.Meta.Requests.Count;

        var error = await Should.ThrowAsync<ArgumentException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("1013859600285441"), new NxCloudCredentials("key", "secret-value")));

        error.Message.ShouldNotContain("secret-value");
        Sandbox.Meta.Requests.Count.ShouldBe(before);
        _sent.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("EAAToken with space")]
    [InlineData("EAAToken\r\nX-Injected: 1")]
    [InlineData("EAAToken\n")]
    [InlineData("EAATokén")]
    public async Task Access_tokens_that_cannot_be_a_header_are_refused_without_being_repeated(string token)
    {
        var before = Sandbox.Meta.Requests.Count;

        var error = await Should.ThrowAsync<ArgumentException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("1013859600285441"), new MetaCredentials(token)));

        if (token.Length > 0)
        {
            error.Message.ShouldNotContain(token);
        }

        Sandbox.Meta.Requests.Count.ShouldBe(before);
        _sent.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("23.0")]
    [InlineData("v23")]
    [InlineData("v23.0\n")]
    [InlineData("v23.0/../v1.0")]
    [InlineData("latest")]
    [InlineData("")]
    public async Task A_malformed_tenant_graph_version_is_refused_before_any_request(string version)
    {
        var before = Sandbox.Meta.Requests.Count;

        await Should.ThrowAsync<ArgumentException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("1013859600285441"), Credentials with { GraphVersion = version }));

        Sandbox.Meta.Requests.Count.ShouldBe(before);
        _sent.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void A_malformed_configured_graph_version_is_refused_at_start() =>
        new MetaOptionsValidator().Validate(null, new MetaOptions { GraphVersion = "v23.0/x" })
            .Failures.ShouldHaveSingleItem().ShouldBe("Providers:Meta:GraphVersion must look like 'v23.0'.");

    [Theory]
    [InlineData("http://graph.facebook.com")]
    [InlineData("https://graph.facebook.com/?access_token=x")]
    public void A_base_url_that_would_expose_the_token_is_refused_at_start(string baseUrl) =>
        new MetaOptionsValidator().Validate(null, new MetaOptions { BaseUrl = new Uri(baseUrl) })
            .Failures.ShouldHaveSingleItem().ShouldStartWith("Providers:Meta:BaseUrl must be an absolute https URL");

    [Fact]
    public async Task Concurrent_calls_for_different_tenants_on_one_client_each_carry_their_own_token()
    {
        const string otherToken = "EAASandboxMetaAccessTokenTenantB";
        Sandbox.Meta.AddCredential(otherToken);
        var provider = NewProvider();
        var calls = Enumerable.Range(0, 40)
            .Select(index => (Token: index % 2 == 0 ? Token : otherToken, MediaId: Sandbox.CreateMedia(ProviderKind.Meta)))
            .ToList();

        var answers = await Task.WhenAll(calls.Select(call =>
            provider.SendDeleteAsync(new MediaTarget(call.MediaId), new MetaCredentials(call.Token))));

        answers.ShouldAllBe(answer => answer.Outcome == ProviderOutcome.Deleted);
        foreach (var call in calls)
        {
            RequestsFor(call.MediaId).ShouldHaveSingleItem().Header("Authorization").ShouldBe($"Bearer {call.Token}");
        }

        _httpClient.DefaultRequestHeaders.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task The_token_never_travels_in_the_url()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, OwnerPhone);

        await NewProvider().SendDeleteAsync(new MediaTarget(mediaId, OwnerPhone), Credentials);

        var request = RequestsFor(mediaId).ShouldHaveSingleItem();
        (request.Path + request.Query).ShouldNotContain(Token);
        request.Query.ShouldNotContain("access_token");
    }

    [Fact]
    public async Task A_token_echoed_by_the_provider_is_redacted_from_the_answer()
    {
        var body = $$$"""{"error":{"message":"Malformed access token {{{Token}}}","type":"OAuthException","code":190}}""";
        using var handler = RecordingHandler.Answering(HttpStatusCode.BadRequest, body);
        using var client = ProviderClients.For(handler, Sandbox.BaseUrlFor(ProviderKind.Meta));

        var answer = await new MetaMediaProvider(client, Options.Create(new MetaOptions()), _clock).SendDeleteAsync(new MediaTarget("1013859600285441"), Credentials);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.ProviderMessage.ShouldBe("Malformed access token ***");
    }

    [Fact]
    public void Credentials_redact_the_token_from_ToString()
    {
        var text = new MetaCredentials(Token, "v23.0").ToString();

        text.ShouldNotContain(Token);
        text.ShouldContain("v23.0");
    }

    [Fact]
    public async Task Cancellation_propagates_and_sends_nothing()
    {
        var before = Sandbox.Meta.Requests.Count;
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<TaskCanceledException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("1013859600285441"), Credentials, cancellation.Token));

        Sandbox.Meta.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_connection_failure_propagates_as_HttpRequestException()
    {
        await Should.ThrowAsync<HttpRequestException>(() =>
            NewProvider(new Uri($"http://127.0.0.1:{ClosedPort()}/meta")).SendDeleteAsync(new MediaTarget("1013859600285441"), Credentials));
    }

    /// <summary>A provider on the recording handler, at the sandbox's Meta endpoint unless <paramref name="baseUrl"/> says otherwise.</summary>
    private MetaMediaProvider NewProvider(Uri? baseUrl = null, string? graphVersion = null) =>
        new(baseUrl is null ? _httpClient : ProviderClients.For(_sent, baseUrl), Options.Create(new MetaOptions { GraphVersion = graphVersion ?? "v23.0" }), _clock);

    private IEnumerable<RecordedRequest> RequestsFor(string mediaId) =>
        Sandbox.Meta.Requests.Where(request => request.Path.EndsWith("/" + mediaId, StringComparison.Ordinal));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.SmsGatewayCenter;

public sealed class SmsGatewayCenterMediaProviderTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string ApiKey = SandboxAccounts.SmsGatewayCenter.ApiKey;
    private const string UserId = SandboxAccounts.SmsGatewayCenter.UserId;
    private const string Password = SandboxAccounts.SmsGatewayCenter.Password;

    private static readonly SmsGatewayCenterCredentials ApiKeyCredentials = new(ApiKey, UserId, null);
    private static readonly SmsGatewayCenterCredentials PasswordCredentials = new(null, UserId, Password);

    private readonly SandboxFixture _fixture;
    private readonly RecordingHandler _sent = RecordingHandler.Forwarding();
    private readonly HttpClient _httpClient;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public SmsGatewayCenterMediaProviderTests(SandboxFixture fixture)
    {
        _fixture = fixture;
        _httpClient = ProviderClients.For(_sent, fixture.Sandbox.BaseUrlFor(ProviderKind.SmsGatewayCenter));
    }

    private ProviderSandbox Sandbox => _fixture.Sandbox;

    public void Dispose()
    {
        _httpClient.Dispose();
        _sent.Dispose();
    }

    [Fact]
    public async Task Deletes_existing_media_with_an_api_key()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), ApiKeyCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        answer.HttpStatus.ShouldBe(200);
        answer.ProviderCode.ShouldBe("200");
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeFalse();
    }

    [Fact]
    public async Task The_api_key_travels_in_its_header_with_userid_output_and_media_id_in_the_query()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), ApiKeyCredentials);

        var request = RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Method.ShouldBe("DELETE");
        request.Path.ShouldBe("/smsgatewaycenter/WAApi/media");
        request.Query.ShouldBe($"?userid={UserId}&output=json&mediaId={mediaId}");
        request.Header("apiKey").ShouldBe(ApiKey);
        request.Header("Authorization").ShouldBeNull();
        request.Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_known_user_id_the_api_key_path_sends_no_userid()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), new SmsGatewayCenterCredentials(ApiKey, null, null));

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        RequestsFor(mediaId).ShouldHaveSingleItem().Query.ShouldBe($"?output=json&mediaId={mediaId}");
    }

    [Fact]
    public async Task With_both_methods_the_api_key_is_used_and_the_password_never_reaches_the_url()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), new SmsGatewayCenterCredentials(ApiKey, UserId, Password));

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var request = RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Query.ShouldNotContain("password", Case.Insensitive);
        request.Query.ShouldNotContain(Uri.EscapeDataString(Password));
        request.Path.ShouldNotContain(Uri.EscapeDataString(Password));
        request.Header("apiKey").ShouldBe(ApiKey);
    }

    [Fact]
    public async Task Deletes_with_userid_and_a_percent_encoded_password_that_the_server_decodes_back()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), PasswordCredentials);

        // The sandbox compares the decoded query value with the registered password, so Deleted proves the round trip.
        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var request = RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Query.ShouldBe($"?userid={UserId}&password=sand%20box%26p%40ss%3D1&output=json&mediaId={mediaId}");
        request.Header("apiKey").ShouldBeNull();
        QueryValue(request.Query, "password").ShouldBe(Password);
    }

    [Theory]
    [InlineData("plus+sign")]
    [InlineData("100%pure")]
    [InlineData("%20literally")]
    [InlineData("a&b=c?d#e/f")]
    [InlineData("  leading and trailing  ")]
    [InlineData("ümlaut€中文")]
    [InlineData("quote\"back\\slash'")]
    public async Task Awkward_passwords_round_trip_through_query_encoding(string password)
    {
        var userId = "user-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(password))[..12];
        Sandbox.SmsGatewayCenter.AddCredential(userId, password);
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), new SmsGatewayCenterCredentials(null, userId, password));

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        QueryValue(RequestsFor(mediaId).ShouldHaveSingleItem().Query, "password").ShouldBe(password);
    }

    [Fact]
    public async Task The_phone_is_ignored_and_never_sent()
    {
        const string phone = "../not-a-phone?x=1";
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        var target = new MediaTarget(mediaId, phone);

        NewProvider().Validate(target).ShouldBeNull();
        var answer = await NewProvider().SendDeleteAsync(target, ApiKeyCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Deleted);
        var request = RequestsFor(mediaId).ShouldHaveSingleItem();
        request.Query.ShouldNotContain("not-a-phone");
        request.Path.ShouldBe("/smsgatewaycenter/WAApi/media");
    }

    [Fact]
    public async Task Missing_media_is_not_found_although_the_status_is_200()
    {
        var answer = await NewProvider().SendDeleteAsync(new MediaTarget("4829173650000000000"), ApiKeyCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.NotFound);
        answer.HttpStatus.ShouldBe(200);
        answer.ProviderCode.ShouldBe("404");
        answer.ProviderMessage.ShouldBe("Media not found or expired");
    }

    [Fact]
    public async Task An_unregistered_api_key_is_refused_from_the_body_although_the_status_is_200()
    {
        const string unknownKey = "unregisteredsgckey";
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), new SmsGatewayCenterCredentials(unknownKey, UserId, null));

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.HttpStatus.ShouldBe(200);
        answer.ProviderCode.ShouldBe("401");
        answer.Describe().ShouldNotContain(unknownKey);
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), PasswordCredentials with { Password = Password + "x" });

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.Describe().ShouldNotContain(Password);
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Refused_credentials_with_a_401_status_are_credentials_refused()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.RefuseCredentials());

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), ApiKeyCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.CredentialsRefused);
        answer.HttpStatus.ShouldBe(401);
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task Throttling_keeps_retry_after()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.Throttle(TimeSpan.FromSeconds(5)));

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), ApiKeyCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Throttled);
        answer.HttpStatus.ShouldBe(429);
        answer.ProviderCode.ShouldBe("429");
        answer.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_page_is_transient(int status)
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter);
        Sandbox.SmsGatewayCenter.InjectFault(SandboxFault.ServerError(status));

        var answer = await NewProvider().SendDeleteAsync(new MediaTarget(mediaId), PasswordCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Transient);
        answer.HttpStatus.ShouldBe(status);
        answer.ProviderCode.ShouldBeNull();
        answer.ProviderMessage.ShouldNotBeNull().ShouldContain("nginx");
        Sandbox.SmsGatewayCenter.HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task A_base_url_that_reaches_no_waapi_is_rejected()
    {
        var answer = await NewProvider(new Uri(Sandbox.BaseUri, "not-sgc")).SendDeleteAsync(new MediaTarget("4829173650192837465"), ApiKeyCredentials);

        answer.Outcome.ShouldBe(ProviderOutcome.Rejected);
        answer.HttpStatus.ShouldBe(404);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("../4829173650192837465")]
    [InlineData("4829173650192837465/..")]
    [InlineData("%2F4829173650192837465")]
    [InlineData("4829173650192837465&userid=admin")]
    [InlineData("4829173650192837465&password=x")]
    [InlineData("4829173650192837465?x")]
    [InlineData("4829173650192837465#x")]
    [InlineData("4829173650192837465\r\napiKey: stolen")]
    [InlineData("4829173650192837465\n")]
    [InlineData("4829 173650192837465")]
    [InlineData("-4829173650192837465")]
    [InlineData("4829173650192837465.0")]
    [InlineData("٤٨٢٩١٧٣٦٥٠")]
    [InlineData("123456789012345678901234567890123")]
    public void Hostile_media_ids_are_refused_before_any_request(string mediaId)
    {
        var before = Sandbox.SmsGatewayCenter.Requests.Count;
        var provider = NewProvider();

        var error = provider.Validate(new MediaTarget(mediaId)).ShouldNotBeNull();
        error.Code.ShouldBe(ErrorCodes.InvalidMediaId);
        if (mediaId.Trim().Length > 0)
        {
            error.Message.ShouldNotContain(mediaId.Trim());
        }

        EntryCheck.Refuses(provider, new MediaTarget(mediaId));
        Sandbox.SmsGatewayCenter.Requests.Count.ShouldBe(before);
        _sent.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", null, null)]
    [InlineData(null, UserId, null)]
    [InlineData(null, UserId, "")]
    [InlineData(null, null, "only-a-password")]
    [InlineData(null, "  ", "only-a-password")]
    [InlineData("", "", "only-a-password")]
    public async Task Credentials_without_an_api_key_or_a_user_and_password_are_refused_before_any_request(string? apiKey, string? userId, string? password)
    {
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("4829173650192837465"), new SmsGatewayCenterCredentials(apiKey, userId, password)));

        error.Message.ShouldStartWith("Tenant document field 'credentials.");
        error.Message.ShouldNotContain("only-a-password");
        _sent.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("key with space")]
    [InlineData("key\r\nX-Injected: 1")]
    [InlineData(" ")]
    [InlineData("kéy")]
    public async Task An_api_key_that_cannot_be_a_header_is_refused_without_being_repeated(string apiKey)
    {
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("4829173650192837465"), new SmsGatewayCenterCredentials(apiKey, UserId, Password)));

        if (apiKey.Trim().Length > 0)
        {
            error.Message.ShouldNotContain(apiKey);
        }

        error.Message.ShouldNotContain(Password);
        _sent.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Credentials_for_another_provider_are_refused_before_any_request()
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("4829173650192837465"), new MetaCredentials("EAAToken")));

        _sent.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://unify.smsgateway.center")]
    [InlineData("https://unify.smsgateway.center/?apiKey=x")]
    public void A_base_url_that_would_expose_credentials_is_refused_at_start(string baseUrl) =>
        new SmsGatewayCenterOptionsValidator().Validate(null, new SmsGatewayCenterOptions { BaseUrl = new Uri(baseUrl) })
            .Failures.ShouldHaveSingleItem().ShouldStartWith("Providers:SmsGatewayCenter:BaseUrl must be an absolute https URL");

    [Fact]
    public async Task Concurrent_calls_for_different_tenants_on_one_client_each_carry_their_own_key()
    {
        const string otherKey = "sandboxsgcapikeytenantb";
        Sandbox.SmsGatewayCenter.AddCredential(otherKey);
        var provider = NewProvider();
        var calls = Enumerable.Range(0, 40)
            .Select(index => (ApiKey: index % 2 == 0 ? ApiKey : otherKey, MediaId: Sandbox.CreateMedia(ProviderKind.SmsGatewayCenter)))
            .ToList();

        var answers = await Task.WhenAll(calls.Select(call =>
            provider.SendDeleteAsync(new MediaTarget(call.MediaId), new SmsGatewayCenterCredentials(call.ApiKey, null, null))));

        answers.ShouldAllBe(answer => answer.Outcome == ProviderOutcome.Deleted);
        foreach (var call in calls)
        {
            RequestsFor(call.MediaId).ShouldHaveSingleItem().Header("apiKey").ShouldBe(call.ApiKey);
        }

        _httpClient.DefaultRequestHeaders.ShouldBeEmpty();
    }

    [Fact]
    public async Task Credentials_echoed_by_the_provider_are_redacted_from_the_answer()
    {
        var body = $$$"""{"status":"error","statusCode":"400","reason":"Bad request for {{{Password}}} / {{{Uri.EscapeDataString(Password)}}} / {{{ApiKey}}}"}""";
        using var handler = RecordingHandler.Answering(HttpStatusCode.OK, body);
        using var client = ProviderClients.For(handler, Sandbox.BaseUrlFor(ProviderKind.SmsGatewayCenter));
        var provider = new SmsGatewayCenterMediaProvider(client, _clock);

        var answer = await provider.SendDeleteAsync(new MediaTarget("4829173650192837465"), new SmsGatewayCenterCredentials(ApiKey, UserId, Password));

        answer.ProviderMessage.ShouldBe("Bad request for *** / *** / ***");
    }

    [Fact]
    public void Credentials_redact_the_api_key_and_password_from_ToString()
    {
        var text = new SmsGatewayCenterCredentials(ApiKey, UserId, Password).ToString();

        text.ShouldNotContain(ApiKey);
        text.ShouldNotContain(Password);
        text.ShouldContain(UserId);
    }

    [Fact]
    public async Task Cancellation_propagates_and_sends_nothing()
    {
        var before = Sandbox.SmsGatewayCenter.Requests.Count;
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<TaskCanceledException>(() =>
            NewProvider().SendDeleteAsync(new MediaTarget("4829173650192837465"), ApiKeyCredentials, cancellation.Token));

        Sandbox.SmsGatewayCenter.Requests.Count.ShouldBe(before);
    }

    /// <summary>A provider on the recording handler, at the sandbox's SMSGatewayCenter endpoint unless <paramref name="baseUrl"/> says otherwise.</summary>
    private SmsGatewayCenterMediaProvider NewProvider(Uri? baseUrl = null) =>
        new(baseUrl is null ? _httpClient : ProviderClients.For(_sent, baseUrl), _clock);

    private IEnumerable<RecordedRequest> RequestsFor(string mediaId) =>
        Sandbox.SmsGatewayCenter.Requests.Where(request => request.Query.EndsWith("&mediaId=" + mediaId, StringComparison.Ordinal));

    /// <summary>Decodes one parameter of a raw query the way a server does (RFC 3986 percent-decoding).</summary>
    private static string? QueryValue(string rawQuery, string name) =>
        rawQuery.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .SingleOrDefault();
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Core.Tenants;
using WhatsAppMedia.Core.Tests.Tenants;
using WhatsAppMedia.Testing.KeyVault;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Http;

/// <summary>
/// The whole HTTP answer (status, headers, body) for a bad key while a flood of made-up tenant ids has spent the Key
/// Vault read budget: a cached tenant's answer must be byte-for-byte the answer an uncached id gets.
/// </summary>
public sealed class MediaApiFloodTests : IClassFixture<KeyVaultFixture>, IDisposable
{
    private const string CallerRequestId = "flood-probe-1";

    private readonly KeyVaultStandIn _vault;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly KeyVaultOptions _options;
    private readonly CachingTenantStore _store;
    private readonly HttpClient _unusedProviderClient = new();
    private readonly MediaApi _api;
    private readonly ServiceProvider _requestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    public MediaApiFloodTests(KeyVaultFixture fixture)
    {
        _vault = fixture.Vault;
        _vault.ClearFaults();
        _vault.ResumeReads();
        _options = new KeyVaultOptions { VaultUri = _vault.VaultUri, ColdReadBurst = 3, ColdReadsPerSecond = 1 };
        _store = new CachingTenantStore(new KeyVaultTenantSource(_vault.CreateSecretClient()), _options, _time, new RecordingLogger<CachingTenantStore>());
        var providersOptions = Options.Create(new ProviderRetryOptions());
        var client = new ProviderClient(
            [new MetaMediaProvider(_unusedProviderClient, Options.Create(new MetaOptions()), _time)], providersOptions, _time, NullLogger<ProviderClient>.Instance);
        var deleter = new TenantMediaDeleter(_store, client, new InFlightDeletions(), NullLogger<TenantMediaDeleter>.Instance);
        _api = new MediaApi(
            new TenantAuthenticator(_store),
            client,
            deleter,
            new BatchSubmitter(
                client, new UnreachableDeletionQueue(), Options.Create(new MediaDeletionOptions()), new UnreachableBatchStore(), _time, NullLogger<BatchSubmitter>.Instance),
            Options.Create(new MediaDeletionOptions()),
            new UnreachableBatchStore(),
            _time,
            NullLogger<MediaApi>.Instance,
            new TenantMediaRetriever(_store, client, new MediaDownloader(_unusedProviderClient, Options.Create(new MetaOptions()), providersOptions, _time), NullLogger<TenantMediaRetriever>.Instance));
    }

    public void Dispose()
    {
        _store.Dispose();
        _unusedProviderClient.Dispose();
        _requestServices.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task During_a_flood_a_bad_key_for_a_cached_tenant_gets_the_same_answer_as_an_uncached_id(string? apiKey)
    {
        var cached = await CachedTenantAsync();
        await SpendTheReadBudgetAsync();

        var forCached = await DeleteAsync(cached, apiKey);
        var forUnknown = await DeleteAsync(NewId(), apiKey);

        forUnknown.Status.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        Code(forUnknown).ShouldBe("credentials_unavailable");
        forCached.Status.ShouldBe(forUnknown.Status);
        forCached.Headers.ShouldBe(forUnknown.Headers);
        forCached.Body.ShouldBe(forUnknown.Body);
    }

    [Fact]
    public async Task During_a_flood_a_batch_with_a_bad_key_for_a_cached_tenant_gets_the_same_answer_as_an_uncached_id()
    {
        var cached = await CachedTenantAsync();
        await SpendTheReadBudgetAsync();

        var forCached = await QueueAsync(cached, "wrong-key");
        var forUnknown = await QueueAsync(NewId(), "wrong-key");

        forCached.Status.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        forCached.Headers.ShouldBe(forUnknown.Headers);
        forCached.Body.ShouldBe(forUnknown.Body);
    }

    [Fact]
    public async Task During_a_flood_the_right_key_for_a_cached_tenant_is_still_served()
    {
        var cached = await CachedTenantAsync();
        await SpendTheReadBudgetAsync();

        // A refused media id is answered only after authentication, so its 400 shows the tenant was served.
        var answer = await DeleteAsync(cached, ApiKey, mediaId: "../1234");

        answer.Status.ShouldBe(StatusCodes.Status400BadRequest);
        Code(answer).ShouldBe("invalid_media_id");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Outside_a_flood_a_bad_key_is_the_same_401_for_cached_and_unknown_tenants(string? apiKey)
    {
        var cached = await CachedTenantAsync();

        var forCached = await DeleteAsync(cached, apiKey);
        var forUnknown = await DeleteAsync(NewId(), apiKey);

        forCached.Status.ShouldBe(StatusCodes.Status401Unauthorized);
        Code(forCached).ShouldBe("unauthorized");
        forCached.Headers.ShouldBe(forUnknown.Headers);
        forCached.Body.ShouldBe(forUnknown.Body);
    }

    [Fact]
    public async Task After_the_flood_a_bad_key_for_a_cached_tenant_is_401_again()
    {
        var cached = await CachedTenantAsync();
        await SpendTheReadBudgetAsync();
        (await DeleteAsync(cached, "wrong-key")).Status.ShouldBe(StatusCodes.Status503ServiceUnavailable);

        _time.Advance(TimeSpan.FromSeconds(_options.ColdReadBurst / _options.ColdReadsPerSecond));

        (await DeleteAsync(cached, "wrong-key")).Status.ShouldBe(StatusCodes.Status401Unauthorized);
    }

    private async Task<string> CachedTenantAsync()
    {
        var id = NewId();
        _vault.SetSecret(TenantIds.SecretName(id), Meta());
        (await _store.GetAsync(id)).IsFound.ShouldBeTrue();
        return id;
    }

    /// <summary>What a flood does: made-up ids until the store refuses them. Time stands still, so nothing refills.</summary>
    private async Task SpendTheReadBudgetAsync()
    {
        for (var i = 0; i <= _options.ColdReadBurst; i++)
        {
            if ((await _store.GetAsync(NewId())).Status == TenantLookupStatus.Unavailable)
            {
                return;
            }
        }

        throw new InvalidOperationException("The read budget was not spent by a burst of unknown ids.");
    }

    private Task<Answer> DeleteAsync(string tenantId, string? apiKey, string mediaId = "1234") =>
        SendAsync(HttpMethods.Delete, apiKey, null, (api, request) => api.DeleteMediaAsync(request, tenantId, mediaId, CancellationToken.None));

    private Task<Answer> QueueAsync(string tenantId, string? apiKey) =>
        SendAsync(HttpMethods.Post, apiKey, """{"items":[{"mediaId":"1234"}]}""", (api, request) => api.QueueDeletionsAsync(request, tenantId, CancellationToken.None));

    private async Task<Answer> SendAsync(string method, string? apiKey, string? body, Func<MediaApi, HttpRequest, Task<IResult>> operation)
    {
        var context = new DefaultHttpContext { RequestServices = _requestServices };
        context.Request.Method = method;
        context.Request.Headers[RequestIds.HeaderName] = CallerRequestId;
        if (apiKey is not null)
        {
            context.Request.Headers[MediaApi.ApiKeyHeader] = apiKey;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        using var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        var result = await operation(_api, context.Request);
        await result.ExecuteAsync(context);

        var headers = context.Response.Headers
            .OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .Select(header => $"{header.Key}: {header.Value}")
            .ToArray();
        return new Answer(context.Response.StatusCode, headers, Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    private static string? Code(Answer answer)
    {
        using var document = JsonDocument.Parse(answer.Body);
        return document.RootElement.GetProperty("code").GetString();
    }

    private static string NewId() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private sealed record Answer(int Status, string[] Headers, string Body);
}

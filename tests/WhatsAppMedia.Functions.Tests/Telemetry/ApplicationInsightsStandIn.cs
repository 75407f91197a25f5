using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Testing.Hosting;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Functions.Tests.Telemetry;

/// <summary>
/// A local stand-in for what the worker's telemetry talks to in Azure, on one HTTPS endpoint on 127.0.0.1: the Application
/// Insights ingestion endpoint (<c>POST /v2.1/track</c>, gzip'd newline-delimited JSON items, as the Azure Monitor
/// exporter sends them) and the App Service managed identity endpoint (<c>GET /msi/token</c>, which
/// ManagedIdentityCredential calls when <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c> are set, as they are on
/// App Service and Functions). It records everything and answers every track request as fully accepted.
/// </summary>
internal sealed class ApplicationInsightsStandIn : IAsyncDisposable
{
    /// <summary>The token the identity endpoint hands out; it must reach the ingestion endpoint as a bearer token, and nowhere else.</summary>
    public const string AccessToken = "stand-in-access-token-5f0c1e";

    /// <summary>The secret header value App Service gives the process to call its identity endpoint with.</summary>
    public const string IdentityHeader = "stand-in-identity-header-9b2d";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TrackRequest> _tracks;
    private readonly ConcurrentQueue<TokenRequest> _tokens;

    private ApplicationInsightsStandIn(WebApplication app, X509Certificate2 certificate, Uri baseUri, ConcurrentQueue<TrackRequest> tracks, ConcurrentQueue<TokenRequest> tokens)
    {
        _app = app;
        Certificate = certificate;
        BaseUri = baseUri;
        _tracks = tracks;
        _tokens = tokens;
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseUri { get; }

    public IReadOnlyCollection<TrackRequest> Tracks => _tracks;

    public IReadOnlyCollection<TokenRequest> Tokens => _tokens;

    /// <summary>Every telemetry item received, in the ingestion format (<c>name</c>, <c>data.baseType</c>, <c>data.baseData</c>, …).</summary>
    public IEnumerable<JsonElement> Items => _tracks.SelectMany(track => track.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        .Select(line => JsonDocument.Parse(line).RootElement);

    public static async Task<ApplicationInsightsStandIn> StartAsync()
    {
        var certificate = StandInCertificate.Create();
        var app = LoopbackWebApplication.CreateBuilder(listen => listen.UseHttps(certificate)).Build();
        var tracks = new ConcurrentQueue<TrackRequest>();
        var tokens = new ConcurrentQueue<TokenRequest>();
        app.MapPost("/v2.1/track", (HttpRequest request) => TrackAsync(request, tracks));
        app.MapGet("/msi/token", (HttpRequest request) => Token(request, tokens));
        await app.StartAsync();
        return new ApplicationInsightsStandIn(app, certificate, app.BaseAddress(), tracks, tokens);
    }

    /// <summary>The certificate as PEM, for a process that should trust this endpoint (SSL_CERT_FILE).</summary>
    public string CertificatePem() => Certificate.ExportCertificatePem();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private static async Task<IResult> TrackAsync(HttpRequest request, ConcurrentQueue<TrackRequest> tracks)
    {
        Stream body = request.Body;
        if (request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(request.Body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        tracks.Enqueue(new TrackRequest(request.Headers.Authorization.ToString(), text));
        var count = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        return Results.Json(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() });
    }

    /// <summary>App Service's managed identity protocol (api-version 2019-08-01): the answer MSAL reads.</summary>
    private static IResult Token(HttpRequest request, ConcurrentQueue<TokenRequest> tokens)
    {
        tokens.Enqueue(new TokenRequest(request.Headers["X-IDENTITY-HEADER"].ToString(), request.Query["client_id"].ToString(), request.Query["resource"].ToString()));
        if (request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = AccessToken,
            ["expires_on"] = expiresOn,
            ["resource"] = request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
            ["client_id"] = request.Query["client_id"].ToString(),
        });
    }

    public sealed record TrackRequest(string Authorization, string Body);

    public sealed record TokenRequest(string IdentityHeader, string ClientId, string Resource);
}

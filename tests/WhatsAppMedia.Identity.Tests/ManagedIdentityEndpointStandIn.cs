using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Testing.Hosting;

namespace WhatsAppMedia.Identity.Tests;

/// <summary>
/// A local App Service managed-identity endpoint, what <c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c> point at in
/// App Service and Azure Functions: <c>GET {endpoint}?api-version=2019-08-01&amp;resource=…[&amp;client_id=…]</c> with
/// header <c>X-IDENTITY-HEADER</c> (learn.microsoft.com, "Use managed identities for App Service and Azure Functions",
/// REST endpoint reference). It records who asked for which resource and answers with the token
/// <paramref name="issue"/> gives for the resource's <c>/.default</c> scope.
/// </summary>
public sealed class ManagedIdentityEndpointStandIn : IAsyncDisposable
{
    public const string ApiVersion = "2019-08-01";
    public const string SecretHeaderName = "X-IDENTITY-HEADER";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private readonly Func<string, string> _issue;

    private ManagedIdentityEndpointStandIn(WebApplication app, Func<string, string> issue)
    {
        _app = app;
        _issue = issue;
        Endpoint = new Uri(app.BaseAddress(), "msi/token");
    }

    /// <summary>The value for <c>IDENTITY_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The value for <c>IDENTITY_HEADER</c>; a request without it is refused, as App Service refuses it.</summary>
    public string Secret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Every token request that carried the secret, in order.</summary>
    public IReadOnlyCollection<TokenRequest> Requests => _requests.ToArray();

    /// <param name="issue">The token for a scope such as <c>https://vault.azure.net/.default</c>.</param>
    public static async Task<ManagedIdentityEndpointStandIn> StartAsync(Func<string, string> issue)
    {
        var app = LoopbackWebApplication.CreateBuilder().Build();
        ManagedIdentityEndpointStandIn? standIn = null;
        app.MapGet("/msi/token", (HttpContext context) => standIn!.Answer(context));
        await app.StartAsync();
        standIn = new ManagedIdentityEndpointStandIn(app, issue);
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Answer(HttpContext context)
    {
        var query = context.Request.Query;
        if (!string.Equals(context.Request.Headers[SecretHeaderName].ToString(), Secret, StringComparison.Ordinal))
        {
            return Results.Json(new { statusCode = 400, message = "Missing or wrong X-IDENTITY-HEADER." }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (query["api-version"] != ApiVersion || string.IsNullOrEmpty(query["resource"]))
        {
            return Results.Json(new { statusCode = 400, message = "api-version 2019-08-01 and resource are required." }, statusCode: StatusCodes.Status400BadRequest);
        }

        var resource = query["resource"].ToString();
        var clientId = query.TryGetValue("client_id", out var value) ? value.ToString() : null;
        _requests.Enqueue(new TokenRequest(resource, clientId));
        var expiresOn = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Results.Json(new Dictionary<string, string?>
        {
            ["access_token"] = _issue(resource.TrimEnd('/') + "/.default"),
            ["expires_on"] = expiresOn,
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = clientId ?? "00000000-0000-0000-0000-00000000000a",
        });
    }

    /// <summary>One token request: the resource asked for and the user-assigned identity's client id, or null for the system-assigned one.</summary>
    public sealed record TokenRequest(string Resource, string? ClientId);

    /// <summary>The token <paramref name="credential"/> issues for <paramref name="scope"/>.</summary>
    public static string TokenOf(TokenCredential credential, string scope) =>
        credential.GetToken(new TokenRequestContext([scope]), CancellationToken.None).Token;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox.SmsGatewayCenter;

/// <summary>
/// SMSGatewayCenter's WAApi media delete, <c>DELETE /WAApi/media?userid=…&amp;output=json&amp;mediaId=…</c>,
/// authenticated by an <c>apiKey</c> header or by <c>userid</c> + <c>password</c> query parameters.
/// <para>
/// The provider documents no error bodies, so the imitation answers the way its documentation warns errors may come:
/// <c>{"status":"error","statusCode":"…","reason":"…"}</c> with HTTP 200, for bad credentials and missing media alike,
/// which makes clients read the body rather than the status. The faults use real statuses instead: 429 with
/// <c>Retry-After</c>, the requested 5xx with a proxy's HTML page, and 401 for refused credentials.
/// </para>
/// <para>
/// In the shared state an API key is registered without a secret and a user id with its password, so a user id is
/// never accepted as an API key. Needs no clock: the 30-day deletion window is not modelled.
/// </para>
/// </summary>
internal sealed class SmsGatewayCenterImitation(SandboxProviderState state) : IProviderImitation, ISandboxImitation<SmsGatewayCenterImitation>
{
    private const string CredentialsRefusedReason = "Invalid API key / credentials";

    public ProviderKind Kind => ProviderKind.SmsGatewayCenter;

    public static SmsGatewayCenterImitation Create(SandboxProviderState state, TimeProvider timeProvider) => new(state);

    public static IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl) => [new("Providers:SmsGatewayCenter:BaseUrl", baseUrl.ToString())];

    public static void RegisterAccounts(SandboxProviderState state)
    {
        state.AddCredential(SandboxAccounts.SmsGatewayCenter.ApiKey);
        state.AddCredential(SandboxAccounts.SmsGatewayCenter.UserId, SandboxAccounts.SmsGatewayCenter.Password);
    }

    public static IReadOnlyList<string> DemoMediaIds => SandboxAccounts.SmsGatewayCenter.DemoMediaIds;

    public static string DemoTenant => SandboxAccounts.SmsGatewayCenter.DemoTenant;

    public void Map(IEndpointRouteBuilder routes) => routes.MapDelete("/WAApi/media", DeleteMediaAsync);

    private static readonly FaultAnswers Faults = new(
        Throttle: context => WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "429", "Too many requests, slow down"),
        ServerError: WriteGatewayPageAsync,
        RefuseCredentials: context => WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "401", CredentialsRefusedReason),
        Reject: context => WriteErrorAsync(context, StatusCodes.Status400BadRequest, "400", "Invalid request parameters"));

    public Task WriteFaultAsync(HttpContext context, SandboxFault fault) => Faults.WriteAsync(context, fault);

    /// <summary>A 19-digit id, like the provider's sample.</summary>
    public string NewMediaId() => string.Create(
        CultureInfo.InvariantCulture,
        $"{RandomNumberGenerator.GetInt32(1, 10)}{RandomNumberGenerator.GetInt32(0, 1_000_000_000):D9}{RandomNumberGenerator.GetInt32(0, 1_000_000_000):D9}");

    private Task DeleteMediaAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!IsAuthenticated(context.Request))
        {
            return WriteErrorAsync(context, StatusCodes.Status200OK, "401", CredentialsRefusedReason);
        }

        if (!IsSingle(query["output"], out var output) || output != "json")
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, "400", "output=json is required");
        }

        if (!IsSingle(query["mediaId"], out var mediaId) || mediaId.Length == 0 || !mediaId.All(char.IsAsciiDigit))
        {
            return WriteErrorAsync(context, StatusCodes.Status200OK, "400", "Invalid mediaId");
        }

        if (!state.RemoveMedia(mediaId))
        {
            return WriteErrorAsync(context, StatusCodes.Status200OK, "404", "Media not found or expired");
        }

        return WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["status"] = "success",
            ["mediaId"] = mediaId,
            ["statusCode"] = "200",
            ["reason"] = "success",
        });
    }

    /// <summary>The header wins when present: a bad API key is refused even if a good password is also in the query.</summary>
    private bool IsAuthenticated(HttpRequest request)
    {
        var apiKeys = request.Headers["apiKey"];
        if (apiKeys.Count > 0)
        {
            return IsSingle(apiKeys, out var apiKey)
                && state.TryGetCredentialSecret(apiKey, out var apiKeySecret)
                && apiKeySecret.Length == 0;
        }

        return IsSingle(request.Query["userid"], out var userId)
            && IsSingle(request.Query["password"], out var password)
            && state.TryGetCredentialSecret(userId, out var expected)
            && expected.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }

    private static bool IsSingle(StringValues values, out string value)
    {
        value = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        return values.Count == 1 && value.Length > 0;
    }

    private static Task WriteErrorAsync(HttpContext context, int httpStatus, string statusCode, string reason) =>
        WriteJsonAsync(context, httpStatus, new JsonObject
        {
            ["status"] = "error",
            ["statusCode"] = statusCode,
            ["reason"] = reason,
        });

    private static Task WriteJsonAsync(HttpContext context, int httpStatus, JsonObject body)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>What a 5xx from this provider looks like in practice: the front proxy's page, not the API's JSON.</summary>
    private static Task WriteGatewayPageAsync(HttpContext context, int httpStatus)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "text/html";
        var title = string.Create(CultureInfo.InvariantCulture, $"{httpStatus} Service Unavailable");
        return context.Response.WriteAsync(
            $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            context.RequestAborted);
    }
}

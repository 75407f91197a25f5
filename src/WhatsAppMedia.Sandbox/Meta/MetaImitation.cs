// Longer than 250 lines: one provider's imitation, each endpoint with the strict checks the real API makes.
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox.Meta;

/// <summary>
/// Meta's Graph API media calls with Meta's own bodies: delete, <c>DELETE /{version}/{mediaId}[?phone_number_id=…]</c>
/// → <c>{"success":true}</c>; retrieve, <c>GET /{version}/{mediaId}[?phone_number_id=…]</c> →
/// <c>{"messaging_product":"whatsapp","url","mime_type","sha256","file_size":"…","id"}</c>; and the download URL that
/// answer names (<see cref="MetaDownloadUrls"/>), which streams the bytes to a registered bearer token for five
/// minutes. Errors are <c>{"error":{message,type,code,error_subcode,is_transient,fbtrace_id}}</c>.
/// Deliberately stricter than Meta in one respect: the token is accepted only from the <c>Authorization</c> header
/// (Meta also reads <c>?access_token=</c>), so a client that leaks its token into the URL fails here.
/// The clock decides only when a download URL expires.
/// </summary>
internal sealed partial class MetaImitation(SandboxProviderState state, TimeProvider timeProvider) : IProviderImitation, ISandboxImitation<MetaImitation>
{
    private const string TraceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private readonly MetaDownloadUrls _downloadUrls = new();

    public ProviderKind Kind => ProviderKind.Meta;

    public static MetaImitation Create(SandboxProviderState state, TimeProvider timeProvider) => new(state, timeProvider);

    public static IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl) => [new("Providers:Meta:BaseUrl", baseUrl.ToString())];

    public static void RegisterAccounts(SandboxProviderState state) => state.AddCredential(SandboxAccounts.Meta.AccessToken);

    public static IReadOnlyList<string> DemoMediaIds => SandboxAccounts.Meta.DemoMediaIds;

    public static string DemoTenant => SandboxAccounts.Meta.DemoTenant;

    private const string TraceIdHeader = "x-fb-trace-id";

    private string Prefix => Kind.ToName();

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapDelete("/{version}/{mediaId}", DeleteMediaAsync);
        routes.MapGet("/{version}/{mediaId}", RetrieveMediaAsync);
        routes.MapGet(MetaDownloadUrls.Path, DownloadAsync);
    }

    public SandboxRequestKind Classify(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/" + Prefix + MetaDownloadUrls.Path.TrimEnd('/'), StringComparison.Ordinal))
        {
            return SandboxRequestKind.Download;
        }

        return HttpMethods.IsGet(request.Method) ? SandboxRequestKind.Metadata : SandboxRequestKind.Other;
    }

    // Declared before Faults, which reads it while the type initialises.
    private static readonly GraphError SessionExpired = new(190, "Error validating access token: Session has expired.", "OAuthException", Subcode: 463);

    private static readonly FaultAnswers Faults = new(
        // Meta sends throttling errors as HTTP 400; the client must classify on the code, not the status.
        Throttle: context => WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(
            80007, "(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.", "OAuthException")),
        ServerError: (context, status) => WriteErrorAsync(context, status, new GraphError(
            2, "An unexpected error has occurred. Please retry your request later.", "OAuthException", IsTransient: true)),
        RefuseCredentials: context => WriteTokenRefusedAsync(context, SessionExpired),
        Reject: context => WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(100, "(#100) Invalid parameter", "OAuthException")));

    public Task WriteFaultAsync(HttpContext context, SandboxFault fault) => fault.Kind switch
    {
        SandboxFaultKind.ExpireDownload => WriteExpiredUrlAsync(context, fault.Status ?? StatusCodes.Status404NotFound),
        SandboxFaultKind.RefuseDownloadToken => WriteTokenRefusedAsync(context, SessionExpired),
        SandboxFaultKind.RedirectDownload => SandboxRedirect.WriteAsync(context, fault),
        _ => Faults.WriteAsync(context, fault),
    };

    /// <summary>A 16-digit id, the length of the ids Meta hands out today.</summary>
    public string NewMediaId() =>
        string.Create(CultureInfo.InvariantCulture, $"{RandomNumberGenerator.GetInt32(1, 10)}{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}{RandomNumberGenerator.GetInt32(0, 10_000_000):D7}");

    private Task DeleteMediaAsync(HttpContext context)
    {
        // Meta gives one answer for "no such media" and "not yours to delete"; so does the imitation.
        if (Refusal(context, "delete", out var mediaId) is { } refused)
        {
            return refused;
        }

        return state.RemoveMedia(mediaId)
            ? WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["success"] = true })
            : WriteNotAccessibleAsync(context, "delete", mediaId);
    }

    private Task RetrieveMediaAsync(HttpContext context)
    {
        if (Refusal(context, "get", out var mediaId) is { } refused)
        {
            return refused;
        }

        if (!state.TryGetContent(mediaId, out var content))
        {
            return WriteNotAccessibleAsync(context, "get", mediaId);
        }

        // A metadata fault (see SandboxFaultKinds) makes the answer lie about the bytes; the download stays true.
        var fault = context.Features.Get<SandboxFault>();
        var sha256 = fault?.Kind == SandboxFaultKind.WrongSha256 ? OtherSha256(content.Sha256) : content.Sha256;
        var fileSize = content.Length + (fault?.Kind == SandboxFaultKind.WrongFileSize ? fault.FileSizeDelta ?? 0 : 0);
        var url = _downloadUrls.Issue(SandboxAddress.ImitationRoot(context, Prefix), mediaId, timeProvider.GetUtcNow());
        return WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = url.ToString(),
            ["mime_type"] = content.MimeType,
            ["sha256"] = sha256,

            // Meta sends the size as a string (docs/providers/meta.md, "Retrieve metadata"); a fault sends the number clients must also read.
            ["file_size"] = fault?.Kind == SandboxFaultKind.FileSizeAsNumber ? JsonValue.Create(fileSize) : fileSize.ToString(CultureInfo.InvariantCulture),
            ["id"] = mediaId,
        });
    }

    private async Task DownloadAsync(HttpContext context)
    {
        if (SandboxUserAgent.Products(context.Request.Headers.UserAgent) != 1)
        {
            // Integrators report Meta's download refusing a request without a User-Agent, and one naming the
            // product more than once, stacked by a client adding it per call (https://github.com/gabrieldwight/Whatsapp-Business-Cloud-Api-Net/issues/45,
            // /issues/108 there). Meta publishes no shape for that refusal; this is the imitation's.
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, new GraphError(
                100, "The media download needs exactly one User-Agent header.", "OAuthException"));
            return;
        }

        if (!HasRegisteredToken(context.Request))
        {
            // Without the token Meta answers an error, never the file (docs/providers/meta.md, "Download").
            await WriteTokenRefusedAsync(context, new GraphError(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
            return;
        }

        var query = context.Request.Query;
        var mediaId = Single(query["mid"]);
        var check = _downloadUrls.Check(mediaId, Single(query["ext"]), Single(query["hash"]), timeProvider.GetUtcNow());
        if (check != SignedUrlCheck.Valid)
        {
            await WriteExpiredUrlAsync(context, StatusCodes.Status404NotFound, check == SignedUrlCheck.Expired ? "URL signature expired" : "URL signature mismatch");
            return;
        }

        if (!state.TryGetContent(mediaId!, out var content))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, new GraphError(100, NotAccessibleMessage("get", mediaId!), "GraphMethodException", Subcode: 33));
            return;
        }

        await SandboxDownload.StreamAsync(context, state, content, timeProvider);
    }

    /// <summary>
    /// The checks delete and retrieve share, in Meta's order: the token, the Graph version, <c>phone_number_id</c>, then
    /// whether that phone may touch the media. Returns the refusal being written, or null with the media id.
    /// </summary>
    private Task? Refusal(HttpContext context, string operation, out string mediaId)
    {
        mediaId = context.Request.RouteValues["mediaId"] as string ?? string.Empty;
        if (!HasRegisteredToken(context.Request))
        {
            return WriteTokenRefusedAsync(context, new GraphError(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
        }

        var version = context.Request.RouteValues["version"] as string ?? string.Empty;
        if (!GraphVersionPattern().IsMatch(version))
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(2500, "Unknown path components: /" + version, "OAuthException"));
        }

        var phoneValues = context.Request.Query["phone_number_id"];
        string? phone = null;
        if (phoneValues.Count > 0)
        {
            if (phoneValues.Count > 1 || !IsDigits(phoneValues[0]))
            {
                return WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(100, "(#100) Invalid parameter", "OAuthException"));
            }

            phone = phoneValues[0];
        }

        // Media a customer sent belong to no business number: Meta refuses the ownership check for them outright
        // (code 100 without a subcode), as integrators report it; docs/providers/meta.md, "Delete".
        if (phone is not null && state.IsReceived(mediaId))
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(
                100, "Param phone_number_id is not a valid whatsapp business phone number id ID", "OAuthException"));
        }

        // Meta gives one answer for "no such media" and "not yours"; so does the imitation.
        return state.IsOwnedBy(mediaId, phone) ? null : WriteNotAccessibleAsync(context, operation, mediaId);
    }

    private static Task WriteNotAccessibleAsync(HttpContext context, string operation, string mediaId) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(100, NotAccessibleMessage(operation, mediaId), "GraphMethodException", Subcode: 33));

    private static string NotAccessibleMessage(string operation, string mediaId) =>
        $"Unsupported {operation} request. Object with ID '{mediaId}' does not exist, cannot be loaded due to missing permissions, " +
        "or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api";

    /// <summary>
    /// A download URL past its five minutes, or one this sandbox did not issue. Meta documents 401 and 404 for the
    /// download; the body is the CDN's plain-text line, unconfirmed for lookaside, so clients should go by the status.
    /// </summary>
    private static Task WriteExpiredUrlAsync(HttpContext context, int status, string message = "URL signature expired")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=UTF-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }

    /// <summary>A well-formed SHA-256 that is not <paramref name="sha256"/>: that of its own text.</summary>
    private static string OtherSha256(string sha256) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(sha256)));

    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    private bool HasRegisteredToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || authorization[0] is not { } value)
        {
            return false;
        }

        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = value[scheme.Length..];
        return token.Length > 0 && state.TryGetCredentialSecret(token, out _);
    }

    private static Task WriteTokenRefusedAsync(HttpContext context, GraphError error)
    {
        context.Response.Headers.WWWAuthenticate = $"OAuth \"Facebook Platform\" \"invalid_token\" \"{error.Message}\"";
        return WriteErrorAsync(context, StatusCodes.Status401Unauthorized, error);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, GraphError error)
    {
        var body = new JsonObject
        {
            ["message"] = error.Message,
            ["type"] = error.Type,
            ["code"] = error.Code,
        };
        if (error.Subcode is { } subcode)
        {
            body["error_subcode"] = subcode;
        }

        if (error.IsTransient)
        {
            body["is_transient"] = true;
        }

        // The body's trace id is the one in the x-fb-trace-id header, as the Graph API gives them.
        var traceId = RandomNumberGenerator.GetString(TraceAlphabet, 11);
        body["fbtrace_id"] = traceId;
        context.Response.Headers[TraceIdHeader] = traceId;
        return WriteJsonAsync(context, status, new JsonObject { ["error"] = body });
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        // The Graph API names every answer's request in this header.
        if (!context.Response.Headers.ContainsKey(TraceIdHeader))
        {
            context.Response.Headers[TraceIdHeader] = RandomNumberGenerator.GetString(TraceAlphabet, 11);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static bool IsDigits(string? value) => !string.IsNullOrEmpty(value) && value.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex GraphVersionPattern();

    private sealed record GraphError(int Code, string Message, string Type, int? Subcode = null, bool IsTransient = false);
}

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
/// Meta's Graph API media delete, <c>DELETE /{version}/{mediaId}[?phone_number_id=…]</c>, with Meta's own bodies:
/// <c>{"success":true}</c>, or <c>{"error":{message,type,code,error_subcode,is_transient,fbtrace_id}}</c>.
/// Deliberately stricter than Meta in one respect: the token is accepted only from the <c>Authorization</c> header
/// (Meta also reads <c>?access_token=</c>), so a client that leaks its token into the URL fails here.
/// Needs no clock: nothing Meta checks on this call depends on time.
/// </summary>
internal sealed partial class MetaImitation(SandboxProviderState state) : IProviderImitation
{
    private const string TraceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public ProviderKind Kind => ProviderKind.Meta;

    public string Prefix => "meta";

    public void Map(IEndpointRouteBuilder routes) => routes.MapDelete("/{version}/{mediaId}", DeleteMediaAsync);

    private static readonly FaultAnswers Faults = new(
        // Meta sends throttling errors as HTTP 400; the client must classify on the code, not the status.
        Throttle: context => WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(
            80007, "(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.", "OAuthException")),
        ServerError: (context, status) => WriteErrorAsync(context, status, new GraphError(
            2, "An unexpected error has occurred. Please retry your request later.", "OAuthException", IsTransient: true)),
        RefuseCredentials: context => WriteTokenRefusedAsync(context, new GraphError(
            190, "Error validating access token: Session has expired.", "OAuthException", Subcode: 463)),
        Reject: context => WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(100, "(#100) Invalid parameter", "OAuthException")));

    public Task WriteFaultAsync(HttpContext context, SandboxFault fault) => Faults.WriteAsync(context, fault);

    /// <summary>A 16-digit id, the length of the ids Meta hands out today.</summary>
    public string NewMediaId() =>
        string.Create(CultureInfo.InvariantCulture, $"{RandomNumberGenerator.GetInt32(1, 10)}{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}{RandomNumberGenerator.GetInt32(0, 10_000_000):D7}");

    private Task DeleteMediaAsync(HttpContext context)
    {
        if (!HasRegisteredToken(context.Request))
        {
            return WriteTokenRefusedAsync(context, new GraphError(190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
        }

        var version = context.Request.RouteValues["version"] as string ?? string.Empty;
        var mediaId = context.Request.RouteValues["mediaId"] as string ?? string.Empty;
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
        // (code 100 without a subcode), as integrators report it; providers.md, Meta, "Ownership check".
        if (phone is not null && state.IsReceived(mediaId))
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(
                100, "Param phone_number_id is not a valid whatsapp business phone number id ID", "OAuthException"));
        }

        // Meta gives one answer for "no such media" and "not yours to delete"; so does the imitation.
        if (!state.IsOwnedBy(mediaId, phone) || !state.RemoveMedia(mediaId))
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, new GraphError(
                100, NotAccessibleMessage(mediaId), "GraphMethodException", Subcode: 33));
        }

        return WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["success"] = true });
    }

    private static string NotAccessibleMessage(string mediaId) =>
        $"Unsupported delete request. Object with ID '{mediaId}' does not exist, cannot be loaded due to missing permissions, " +
        "or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api";

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

        body["fbtrace_id"] = RandomNumberGenerator.GetString(TraceAlphabet, 11);
        return WriteJsonAsync(context, status, new JsonObject { ["error"] = body });
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static bool IsDigits(string? value) => !string.IsNullOrEmpty(value) && value.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex GraphVersionPattern();

    private sealed record GraphError(int Code, string Message, string Type, int? Subcode = null, bool IsTransient = false);
}

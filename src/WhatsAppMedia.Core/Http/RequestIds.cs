using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Core.Http;

/// <summary>Request ids per docs/openapi.json: the caller's <c>X-Request-Id</c> when it is 1–64 chars of <c>[A-Za-z0-9._-]</c>, otherwise a new one.</summary>
internal static class RequestIds
{
    public const string HeaderName = "X-Request-Id";
    public const int MaxLength = 64;

    /// <summary>Where <see cref="Settle"/> keeps the id in <see cref="HttpContext.Items"/>; private, so nothing else sets it.</summary>
    private static readonly object ItemKey = new();

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string New() => Guid.NewGuid().ToString("N");

    public static string FromCaller(string? callerValue) => IsValid(callerValue) ? callerValue! : New();

    /// <summary>
    /// The request's id, settled once per request and put on the response: whoever answers — a handler, routing, the
    /// exception handler — uses the same one, even after the response was cleared for an error answer.
    /// </summary>
    public static string Settle(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[ItemKey] is not string requestId)
        {
            requestId = FromCaller(context.Request.Headers[HeaderName].ToString());
            context.Items[ItemKey] = requestId;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Headers[HeaderName] = requestId;
        }

        return requestId;
    }
}

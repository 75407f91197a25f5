using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// The contract's code and detail for answers the handlers never see (docs/openapi.json): a status set by routing (404,
/// 405), by the server while reading the request (400, 408, 413, 431) or by an unexpected fault (500). Both hosts
/// answer these with the same problem+json the handlers use.
/// </summary>
public static class FrameworkProblems
{
    /// <summary>The code and a detail for <paramref name="status"/>; <paramref name="allow"/> is the <c>Allow</c> header of a 405.</summary>
    public static (string Code, string Detail) For(int status, string? allow = null) => status switch
    {
        StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "There is no such route; the routes are under /api/tenants/{tenantId}/media and /api/health."),
        StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, string.IsNullOrEmpty(allow)
            ? "This route does not take this method."
            : $"This route does not take this method; it takes {allow}."),
        StatusCodes.Status408RequestTimeout => (ErrorCodes.RequestTimeout, "The request did not arrive in time; the body came too slowly or not at all."),
        StatusCodes.Status413PayloadTooLarge => (ErrorCodes.PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, JsonContentType.Detail),
        >= 400 and < 500 => (ErrorCodes.InvalidRequest, "The request is not valid HTTP or could not be read."),
        _ => (ErrorCodes.InternalError, "An unexpected error occurred; nothing more is said about it here. Quote the request id when reporting it."),
    };

    /// <summary>
    /// The problem+json answer for <paramref name="status"/> (<see cref="For"/>) with the request's id, settled once per
    /// request and put on the response; <paramref name="allow"/> is the <c>Allow</c> header of a 405.
    /// </summary>
    public static IResult Answer(HttpContext context, int status, string? allow = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (code, detail) = For(status, allow);
        return ProblemResults.Create(status, code, detail, RequestIds.Settle(context));
    }
}

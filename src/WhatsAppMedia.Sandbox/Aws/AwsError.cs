using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// An error as AWS's REST-JSON services send it: the type in <c>x-amzn-ErrorType</c>, a body <c>{"message": …}</c>.
/// Errors raised before the service (authentication, throttling) carry the type's coral namespace after a <c>:</c>,
/// as AWS's front end does; the service's own errors carry the bare type.
/// </summary>
internal sealed record AwsError(int Status, string Type, string Message, bool FromFrontEnd = false)
{
    private const string CoralNamespace = "http://internal.amazon.com/coral/com.amazon.coral.service/";

    public static AwsError MissingAuthenticationToken() =>
        new(StatusCodes.Status403Forbidden, "MissingAuthenticationTokenException", "Missing Authentication Token", FromFrontEnd: true);

    public static AwsError IncompleteSignature(string message) =>
        new(StatusCodes.Status403Forbidden, "IncompleteSignatureException", message, FromFrontEnd: true);

    public static AwsError InvalidSignature(string message) =>
        new(StatusCodes.Status403Forbidden, "InvalidSignatureException", message, FromFrontEnd: true);

    public static AwsError UnrecognizedClient() =>
        new(StatusCodes.Status403Forbidden, "UnrecognizedClientException", "The security token included in the request is invalid.", FromFrontEnd: true);

    public static AwsError Validation(string message) =>
        new(StatusCodes.Status400BadRequest, "ValidationException", message);

    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = "application/json";
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        response.Headers["x-amzn-ErrorType"] = FromFrontEnd ? $"{Type}:{CoralNamespace}" : Type;
        await response.WriteAsync(new JsonObject { ["message"] = Message }.ToJsonString(), context.RequestAborted);
    }
}

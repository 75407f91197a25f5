using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// AWS End User Messaging Social's DeleteWhatsAppMessageMedia under <c>/aws</c>:
/// <c>DELETE /aws/v1/whatsapp/media?mediaId=…&amp;originationPhoneNumberId=…</c>. Refuses what AWS refuses, in AWS's
/// order: the signature first (403), then the parameters (400 ValidationException), then the media (404).
/// </summary>
internal sealed partial class AwsImitation(SandboxProviderState state, TimeProvider timeProvider) : IProviderImitation
{
    private const int MaxIdLength = 100;

    private static readonly FaultAnswers Faults = new(
        Throttle: new AwsError(StatusCodes.Status429TooManyRequests, "ThrottlingException", "Rate exceeded", FromFrontEnd: true).WriteAsync,
        ServerError: (context, status) => ServerError(status).WriteAsync(context),
        RefuseCredentials: new AwsError(
            StatusCodes.Status403Forbidden,
            "AccessDeniedException",
            "User is not authorized to perform: social-messaging:DeleteWhatsAppMessageMedia").WriteAsync,
        Reject: new AwsError(
            StatusCodes.Status400BadRequest,
            "ValidationException",
            "1 validation error detected: Value at 'mediaId' failed to satisfy constraint").WriteAsync,
        DefaultServerErrorStatus: StatusCodes.Status500InternalServerError);

    private readonly AwsSignatureVerifier _verifier = new(state, timeProvider);

    public ProviderKind Kind => ProviderKind.Aws;

    public string Prefix => "aws";

    public void Map(IEndpointRouteBuilder routes) => routes.MapDelete("/v1/whatsapp/media", new RequestDelegate(DeleteMediaAsync));

    public Task WriteFaultAsync(HttpContext context, SandboxFault fault) => Faults.WriteAsync(context, fault);

    /// <summary>The media ids AWS hands out look like 32 lowercase hex characters.</summary>
    public string NewMediaId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static AwsError ServerError(int status) => status is StatusCodes.Status502BadGateway or StatusCodes.Status504GatewayTimeout
        ? new AwsError(status, "DependencyException", "Thrown when performing an action because a dependency would be broken.")
        : new AwsError(status, "InternalServiceException", "The request processing has failed because of an unknown error, exception, or failure.");

    private async Task DeleteMediaAsync(HttpContext context)
    {
        if (await _verifier.VerifyAsync(context.Request) is { } refused)
        {
            await refused.WriteAsync(context);
            return;
        }

        var parameters = DecodedQuery(context);
        var mediaId = parameters.GetValueOrDefault("mediaId");
        var phone = parameters.GetValueOrDefault("originationPhoneNumberId");
        if (ValidationProblem(mediaId, phone) is { } problem)
        {
            await AwsError.Validation(problem).WriteAsync(context);
            return;
        }

        if (!(state.IsOwnedBy(mediaId!, phone) || state.IsOwnedBy(mediaId!, PlainPhoneNumberId(phone!))) || !state.RemoveMedia(mediaId!))
        {
            await new AwsError(StatusCodes.Status404NotFound, "ResourceNotFoundException", "The requested resource was not found.").WriteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync("""{"success":true}""", context.RequestAborted);
    }

    /// <summary>The query's names and values decoded; AWS keeps the first of a repeated parameter.</summary>
    private static Dictionary<string, string> DecodedQuery(HttpContext context)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in RawRequestTarget.Of(context).Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals < 0 ? (pair, string.Empty) : (pair[..equals], pair[(equals + 1)..]);
            parameters.TryAdd(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }

        return parameters;
    }

    /// <summary>AWS's own constraints on the two parameters, as its API reference states them.</summary>
    private static string? ValidationProblem(string? mediaId, string? phone)
    {
        if (mediaId is null)
        {
            return "1 validation error detected: Value null at 'mediaId' failed to satisfy constraint: Member must not be null";
        }

        if (mediaId.Length is 0 or > MaxIdLength || !MediaIdPattern().IsMatch(mediaId))
        {
            return "1 validation error detected: Value at 'mediaId' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9]+ and have length between 1 and 100";
        }

        if (phone is null)
        {
            return "1 validation error detected: Value null at 'originationPhoneNumberId' failed to satisfy constraint: Member must not be null";
        }

        return phone.Length is 0 or > MaxIdLength || !PhoneNumberIdPattern().IsMatch(phone)
            ? "1 validation error detected: Value at 'originationPhoneNumberId' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:.*:phone-number-id/[0-9a-zA-Z]+)|(phone-number-id-[0-9a-zA-Z]+)"
            : null;
    }

    /// <summary>An ARN names the same number as <c>phone-number-id-{id}</c>, so media registered to either form matches.</summary>
    private static string PlainPhoneNumberId(string phone)
    {
        var slash = phone.LastIndexOf("phone-number-id/", StringComparison.Ordinal);
        return phone.StartsWith("arn:", StringComparison.Ordinal) && slash >= 0 ? "phone-number-id-" + phone[(slash + "phone-number-id/".Length)..] : phone;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex MediaIdPattern();

    [GeneratedRegex(@"\A((arn:.*:phone-number-id/[0-9a-zA-Z]+)|(phone-number-id-[0-9a-zA-Z]+))\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PhoneNumberIdPattern();
}

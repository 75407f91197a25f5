using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// AWS End User Messaging Social under <c>/aws</c>: DeleteWhatsAppMessageMedia,
/// <c>DELETE /aws/v1/whatsapp/media?mediaId=…&amp;originationPhoneNumberId=…</c> → <c>{"success":true}</c>; and
/// GetWhatsAppMessageMedia, <c>POST /aws/v1/whatsapp/media/get</c> with a JSON body
/// <c>{"mediaId","originationPhoneNumberId","metadataOnly":true}</c> → <c>{"mimeType","fileSize"}</c>, the size in KB.
/// Refuses what AWS refuses, in AWS's order: the signature first (403; over the body as received), then the
/// parameters (400 SerializationException / ValidationException), then the media (404 ResourceNotFoundException).
/// </summary>
internal sealed partial class AwsImitation(SandboxProviderState state, TimeProvider timeProvider) : IProviderImitation, ISandboxImitation<AwsImitation>
{
    private const int MaxIdLength = 100;

    private const string GetMediaPath = "/v1/whatsapp/media/get";

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

    public static AwsImitation Create(SandboxProviderState state, TimeProvider timeProvider) => new(state, timeProvider);

    public static IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl) => [new("Providers:Aws:Endpoint", baseUrl.ToString())];

    public static void RegisterAccounts(SandboxProviderState state)
    {
        state.AddCredential(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey);
        state.AddCredential(SandboxAccounts.Aws.TemporaryAccessKeyId, SandboxAccounts.Aws.TemporarySecretAccessKey);
    }

    public static IReadOnlyList<string> DemoMediaIds => SandboxAccounts.Aws.DemoMediaIds;

    public static string DemoTenant => SandboxAccounts.Aws.DemoTenant;

    private string Prefix => Kind.ToName();

    private static readonly AwsError MediaNotFound = new(StatusCodes.Status404NotFound, "ResourceNotFoundException", "The requested resource was not found.");

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapDelete("/v1/whatsapp/media", new RequestDelegate(DeleteMediaAsync));
        routes.MapPost(GetMediaPath, new RequestDelegate(GetMediaAsync));
    }

    public SandboxRequestKind Classify(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/" + Prefix + GetMediaPath, StringComparison.Ordinal)
            ? SandboxRequestKind.Metadata
            : SandboxRequestKind.Other;

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

        if (!IsOwnedBy(mediaId!, phone!) || !state.RemoveMedia(mediaId!))
        {
            await MediaNotFound.WriteAsync(context);
            return;
        }

        await WriteOkAsync(context, new JsonObject { ["success"] = true });
    }

    /// <summary>
    /// GetWhatsAppMessageMedia with <c>metadataOnly: true</c>, the one form that returns anything but a copy into S3,
    /// which the sandbox does not imitate (docs/providers/aws.md, "Retrieve metadata").
    /// </summary>
    private async Task GetMediaAsync(HttpContext context)
    {
        if (await _verifier.VerifyAsync(context.Request) is { } refused)
        {
            await refused.WriteAsync(context);
            return;
        }

        var (request, bodyProblem) = await GetMediaRequest.ReadAsync(context.Request);
        if (bodyProblem is not null)
        {
            await new AwsError(StatusCodes.Status400BadRequest, "SerializationException", bodyProblem).WriteAsync(context);
            return;
        }

        if ((ValidationProblem(request!.MediaId, request.OriginationPhoneNumberId) ?? request.DestinationProblem()) is { } problem)
        {
            await AwsError.Validation(problem).WriteAsync(context);
            return;
        }

        if (!IsOwnedBy(request.MediaId!, request.OriginationPhoneNumberId!) || !state.TryGetContent(request.MediaId!, out var content))
        {
            await MediaNotFound.WriteAsync(context);
            return;
        }

        await WriteOkAsync(context, new JsonObject { ["mimeType"] = content.MimeType, ["fileSize"] = SizeInKilobytes(content.Length) });
    }

    /// <summary>
    /// <c>fileSize</c> as the service model documents it, "The size of the media file, in KB"
    /// (https://docs.aws.amazon.com/social-messaging/latest/APIReference/API_GetWhatsAppMessageMedia.html). The model
    /// does not say how a part KB counts; rounding up keeps a non-empty file from reading as 0 and the size from being understated.
    /// </summary>
    private static long SizeInKilobytes(long bytes) => (bytes + 1023) / 1024;

    /// <summary>Whether the phone, in either of its forms, may touch the media: the same rule for delete and get.</summary>
    private bool IsOwnedBy(string mediaId, string phone) => state.IsOwnedBy(mediaId, phone) || state.IsOwnedBy(mediaId, PlainPhoneNumberId(phone));

    private static async Task WriteOkAsync(HttpContext context, JsonObject body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
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

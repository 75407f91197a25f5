// Longer than 250 lines: one provider's imitation, each endpoint with the strict checks the real API makes (headers, signature, clock, body).
using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;

namespace WhatsAppMedia.Sandbox.NxCloud;

/// <summary>
/// NxCloud's <c>POST /api/wa/deleteMedia</c> and <c>POST /api/wa/getMedia</c>, checked the way NxCloud documents
/// them: all five headers (1001), bizType 2 and the call's own action (1002), ts within 60 s of the sandbox clock
/// (1004), a registered accessKey (1005), the sign over the exact received body bytes with the same signer the
/// provider uses (1003), and a body of exactly <c>business_phone</c>, <c>Media-ID</c> and <c>messaging_product</c>
/// (9000 when one is missing, 1002 for anything else wrong). Errors come as HTTP 200 with NxCloud's
/// <c>{"code","message","data":null}</c> envelope. getMedia answers <c>{"code":0,"data":{"mime_type","file_name","url"},
/// "message"}</c> (nxtele's API document "WhatsApp API getMedia"), the url a presigned object-storage URL on the
/// sandbox's own host that needs no credentials until it expires.
/// </summary>
/// <remarks>
/// Assumptions where NxCloud's documents are silent: a media id that does not exist (or belongs to another
/// business_phone) is answered with code 9002 "media not found"; a Content-Type other than JSON is answered with
/// 1003, which NxCloud names as a common cause of signature errors; throttling is HTTP 429 with <c>Retry-After</c>
/// and a -1 envelope; server errors carry the -1 envelope. How long getMedia's URL lives is not documented (its example is
/// an Alibaba Cloud OSS URL with <c>Expires</c>); the sandbox gives it an hour, and refuses it after with OSS's 403.
/// </remarks>
internal sealed class NxCloudImitation(SandboxProviderState state, TimeProvider timeProvider) : IProviderImitation, ISandboxImitation<NxCloudImitation>
{
    /// <summary>The sandbox's own choice for "no such media"; NxCloud does not document one.</summary>
    internal const int MediaNotFoundCode = 9002;

    /// <summary>The object-storage access key id in getMedia's URLs: public, like OSS's.</summary>
    private const string ObjectStorageAccessKeyId = "LTAISandboxOss0001";

    private static readonly string[] RequiredHeaders =
    [
        NxCloudProtocol.AccessKeyHeader,
        NxCloudProtocol.TimestampHeader,
        NxCloudProtocol.BizTypeHeader,
        NxCloudProtocol.ActionHeader,
        NxCloudProtocol.SignHeader,
    ];

    private static readonly string[] BodyKeys =
    [
        NxCloudProtocol.BusinessPhoneKey,
        NxCloudProtocol.MediaIdKey,
        NxCloudProtocol.MessagingProductKey,
    ];

    private static readonly FaultAnswers Faults = new(
        Throttle: context => WriteErrorAsync(context, NxCloudResultCodes.RequestFailed, "Too many requests", StatusCodes.Status429TooManyRequests),
        ServerError: (context, status) => WriteErrorAsync(context, NxCloudResultCodes.RequestFailed, "Request failed", status),
        RefuseCredentials: context => WriteErrorAsync(context, NxCloudResultCodes.InsufficientPermissions, "Insufficient permissions"),
        Reject: context => WriteErrorAsync(context, NxCloudResultCodes.ParameterError, "Parameter error"));

    public ProviderKind Kind => ProviderKind.NxCloud;

    public static NxCloudImitation Create(SandboxProviderState state, TimeProvider timeProvider) => new(state, timeProvider);

    public static IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl) => [new("Providers:NxCloud:BaseUrl", baseUrl.ToString())];

    public static void RegisterAccounts(SandboxProviderState state) => state.AddCredential(SandboxAccounts.NxCloud.AccessKey, SandboxAccounts.NxCloud.AccessSecret);

    public static IReadOnlyList<string> DemoMediaIds => SandboxAccounts.NxCloud.DemoMediaIds;

    public static string DemoTenant => SandboxAccounts.NxCloud.DemoTenant;

    private string Prefix => Kind.ToName();

    /// <summary>The path of getMedia's object-storage URLs under the imitation's prefix.</summary>
    private const string ObjectPath = "/oss/";

    private readonly SignedUrls _objectUrls = new(TimeSpan.FromHours(1));

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/" + NxCloudProtocol.DeleteMediaPath, DeleteMediaAsync);
        routes.MapPost("/" + NxCloudProtocol.GetMediaPath, GetMediaAsync);
        routes.MapGet(ObjectPath + "{objectId}", DownloadAsync);
    }

    public SandboxRequestKind Classify(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/" + Prefix + ObjectPath.TrimEnd('/'), StringComparison.Ordinal))
        {
            return SandboxRequestKind.Download;
        }

        return request.Path.Equals("/" + Prefix + "/" + NxCloudProtocol.GetMediaPath, StringComparison.Ordinal) ? SandboxRequestKind.Metadata : SandboxRequestKind.Other;
    }

    public Task WriteFaultAsync(HttpContext context, SandboxFault fault) => Faults.WriteAsync(context, fault);

    public string NewMediaId() => Guid.NewGuid().ToString("D");

    private async Task DeleteMediaAsync(HttpContext context)
    {
        if (await CheckAsync(context, NxCloudProtocol.DeleteMediaAction) is not var (phone, mediaId))
        {
            return;
        }

        if (!state.IsOwnedBy(mediaId, phone) || !state.RemoveMedia(mediaId))
        {
            await WriteErrorAsync(context, MediaNotFoundCode, "media not found");
            return;
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, """{"code":0,"data":{"success":true},"message":"success"}""");
    }

    private async Task GetMediaAsync(HttpContext context)
    {
        if (await CheckAsync(context, NxCloudProtocol.GetMediaAction) is not var (phone, mediaId))
        {
            return;
        }

        if (!state.IsOwnedBy(mediaId, phone) || !state.TryGetContent(mediaId, out var content))
        {
            await WriteErrorAsync(context, MediaNotFoundCode, "media not found");
            return;
        }

        var (expires, signature) = _objectUrls.Issue(mediaId, timeProvider.GetUtcNow());
        var url = $"{SandboxAddress.ImitationRoot(context, Prefix)}{ObjectPath}{Uri.EscapeDataString(mediaId)}"
            + $"?Expires={expires}&OSSAccessKeyId={ObjectStorageAccessKeyId}&Signature={signature}";
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", NxCloudResultCodes.Success);
            writer.WriteStartObject("data");
            writer.WriteString("mime_type", content.MimeType);
            writer.WriteString("file_name", FileName(mediaId));
            writer.WriteString("url", url);
            writer.WriteEndObject();
            writer.WriteString("message", "Request successful");
            writer.WriteEndObject();
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>getMedia's URL: no credentials, only the URL's own signature and expiry, as a presigned OSS URL.</summary>
    private async Task DownloadAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var objectId = context.Request.RouteValues["objectId"] as string;
        var check = query["OSSAccessKeyId"] == ObjectStorageAccessKeyId
            ? _objectUrls.Check(objectId, Single(query["Expires"]), Single(query["Signature"]), timeProvider.GetUtcNow())
            : SignedUrlCheck.NotIssued;
        if (check != SignedUrlCheck.Valid)
        {
            // OSS answers a refused presigned URL with 403 and an XML error naming why.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "application/xml";
            var code = check == SignedUrlCheck.Expired ? "AccessDenied" : "SignatureDoesNotMatch";
            var message = check == SignedUrlCheck.Expired ? "Request has expired." : "The request signature we calculated does not match the signature you provided.";
            await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>", context.RequestAborted);
            return;
        }

        if (!state.TryGetContent(objectId!, out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", context.RequestAborted);
            return;
        }

        await SandboxDownload.StreamAsync(context, state, content, timeProvider);
    }

    /// <summary>
    /// The checks deleteMedia and getMedia share, in NxCloud's order; writes the refusal and returns null, or returns
    /// the business phone and media id.
    /// </summary>
    private async Task<(string Phone, string MediaId)?> CheckAsync(HttpContext context, string expectedAction)
    {
        var request = context.Request;
        var missing = RequiredHeaders.FirstOrDefault(name => string.IsNullOrEmpty(request.Headers[name]));
        if (missing is not null)
        {
            await WriteErrorAsync(context, NxCloudResultCodes.MissingPublicParameters, $"Missing public parameters: {missing}");
            return null;
        }

        var accessKey = request.Headers[NxCloudProtocol.AccessKeyHeader].ToString();
        var ts = request.Headers[NxCloudProtocol.TimestampHeader].ToString();
        var bizType = request.Headers[NxCloudProtocol.BizTypeHeader].ToString();
        var action = request.Headers[NxCloudProtocol.ActionHeader].ToString();
        var sign = request.Headers[NxCloudProtocol.SignHeader].ToString();

        if (bizType != NxCloudProtocol.WhatsAppBizType || action != expectedAction)
        {
            await WriteErrorAsync(context, NxCloudResultCodes.ParameterError, "Parameter error: bizType or action");
            return null;
        }

        if (!IsFresh(ts))
        {
            await WriteErrorAsync(context, NxCloudResultCodes.TimestampExpired, "Timestamp expired");
            return null;
        }

        if (!state.TryGetCredentialSecret(accessKey, out var secret))
        {
            await WriteErrorAsync(context, NxCloudResultCodes.InsufficientPermissions, "Insufficient permissions");
            return null;
        }

        var body = await ReadBodyAsync(request);
        if (!IsJsonContentType(request.ContentType) || !SignMatches(sign, NxCloudSigner.Sign(accessKey, action, bizType, ts, body, secret)))
        {
            await WriteErrorAsync(context, NxCloudResultCodes.InvalidSignature, "Invalid signature");
            return null;
        }

        var (code, problem, phone, mediaId) = ReadMediaBody(body);
        if (problem is not null)
        {
            await WriteErrorAsync(context, code, problem);
            return null;
        }

        return (phone!, mediaId!);
    }

    /// <summary>NxCloud's example names the file after the last 24 hex digits of its object id.</summary>
    private static string FileName(string mediaId)
    {
        var compact = mediaId.Replace("-", string.Empty, StringComparison.Ordinal);
        return compact.Length > 24 ? compact[^24..] : compact;
    }

    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    private bool IsFresh(string ts)
    {
        if (!long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        var skew = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - milliseconds;
        return Math.Abs(skew) <= (long)NxCloudProtocol.TimestampTolerance.TotalMilliseconds;
    }

    private static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, NxCloudProtocol.JsonMediaType, StringComparison.OrdinalIgnoreCase)
        && (parsed.CharSet is null || string.Equals(parsed.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase));

    private static bool SignMatches(string received, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>Checks the body has exactly the three documented string keys with acceptable values.</summary>
    private static (int Code, string? Problem, string? Phone, string? MediaId) ReadMediaBody(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (NxCloudResultCodes.ParameterError, "Parameter error: body is not JSON", null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (NxCloudResultCodes.ParameterError, "Parameter error: body is not a JSON object", null, null);
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!BodyKeys.Contains(property.Name, StringComparer.Ordinal))
                {
                    return (NxCloudResultCodes.ParameterError, $"Parameter error: unexpected parameter {property.Name}", null, null);
                }

                if (property.Value.ValueKind != JsonValueKind.String || !values.TryAdd(property.Name, property.Value.GetString()!))
                {
                    return (NxCloudResultCodes.ParameterError, $"Parameter error: {property.Name}", null, null);
                }
            }

            var absent = BodyKeys.FirstOrDefault(key => !values.ContainsKey(key));
            if (absent is not null)
            {
                return (NxCloudResultCodes.ParameterException, $"Parameter exception: {absent} is required", null, null);
            }

            if (values[NxCloudProtocol.MessagingProductKey] != NxCloudProtocol.MessagingProduct)
            {
                return (NxCloudResultCodes.ParameterError, "Parameter error: messaging_product must be whatsapp", null, null);
            }

            var phone = values[NxCloudProtocol.BusinessPhoneKey];
            if (phone.Length == 0 || !phone.All(char.IsAsciiDigit))
            {
                return (NxCloudResultCodes.ParameterError, "Parameter error: business_phone", null, null);
            }

            var mediaId = values[NxCloudProtocol.MediaIdKey];
            return mediaId.Length == 0
                ? (NxCloudResultCodes.ParameterError, "Parameter error: Media-ID", null, null)
                : (NxCloudResultCodes.Success, null, phone, mediaId);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int code, string message, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteNull("data");
            writer.WriteEndObject();
        }

        return WriteJsonAsync(context, status, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}

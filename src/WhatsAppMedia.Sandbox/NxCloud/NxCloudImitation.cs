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
/// NxCloud's <c>POST /api/wa/deleteMedia</c>, checked the way NxCloud documents it: all five headers (1001),
/// bizType 2 and action deleteMedia (1002), ts within 60 s of the sandbox clock (1004), a registered accessKey
/// (1005), the sign over the exact received body bytes with the same signer the provider uses (1003), and a body of
/// exactly <c>business_phone</c>, <c>Media-ID</c> and <c>messaging_product</c> (9000 when one is missing, 1002 for
/// anything else wrong). Errors come as HTTP 200 with NxCloud's <c>{"code","message","data":null}</c> envelope.
/// </summary>
/// <remarks>
/// Assumptions where NxCloud's documents are silent: a media id that does not exist (or belongs to another
/// business_phone) is answered with code 9002 "media not found"; a Content-Type other than JSON is answered with
/// 1003, which NxCloud names as a common cause of signature errors; throttling is HTTP 429 with <c>Retry-After</c>
/// and a -1 envelope; server errors carry the -1 envelope.
/// </remarks>
internal sealed class NxCloudImitation(SandboxProviderState state, TimeProvider timeProvider) : IProviderImitation
{
    /// <summary>The sandbox's own choice for "no such media"; NxCloud does not document one.</summary>
    internal const int MediaNotFoundCode = 9002;

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

    public string Prefix => ProviderKind.NxCloud.ToName();

    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/" + NxCloudProtocol.DeleteMediaPath, DeleteMediaAsync);

    public Task WriteFaultAsync(HttpContext context, SandboxFault fault) => Faults.WriteAsync(context, fault);

    public string NewMediaId() => Guid.NewGuid().ToString("D");

    private async Task DeleteMediaAsync(HttpContext context)
    {
        var request = context.Request;
        var missing = RequiredHeaders.FirstOrDefault(name => string.IsNullOrEmpty(request.Headers[name]));
        if (missing is not null)
        {
            await WriteErrorAsync(context, NxCloudResultCodes.MissingPublicParameters, $"Missing public parameters: {missing}");
            return;
        }

        var accessKey = request.Headers[NxCloudProtocol.AccessKeyHeader].ToString();
        var ts = request.Headers[NxCloudProtocol.TimestampHeader].ToString();
        var bizType = request.Headers[NxCloudProtocol.BizTypeHeader].ToString();
        var action = request.Headers[NxCloudProtocol.ActionHeader].ToString();
        var sign = request.Headers[NxCloudProtocol.SignHeader].ToString();

        if (bizType != NxCloudProtocol.WhatsAppBizType || action != NxCloudProtocol.DeleteMediaAction)
        {
            await WriteErrorAsync(context, NxCloudResultCodes.ParameterError, "Parameter error: bizType or action");
            return;
        }

        if (!IsFresh(ts))
        {
            await WriteErrorAsync(context, NxCloudResultCodes.TimestampExpired, "Timestamp expired");
            return;
        }

        if (!state.TryGetCredentialSecret(accessKey, out var secret))
        {
            await WriteErrorAsync(context, NxCloudResultCodes.InsufficientPermissions, "Insufficient permissions");
            return;
        }

        var body = await ReadBodyAsync(request);
        if (!IsJsonContentType(request.ContentType) || !SignMatches(sign, NxCloudSigner.Sign(accessKey, action, bizType, ts, body, secret)))
        {
            await WriteErrorAsync(context, NxCloudResultCodes.InvalidSignature, "Invalid signature");
            return;
        }

        var (code, problem, phone, mediaId) = ReadDeleteMediaBody(body);
        if (problem is not null)
        {
            await WriteErrorAsync(context, code, problem);
            return;
        }

        if (!state.IsOwnedBy(mediaId!, phone) || !state.RemoveMedia(mediaId!))
        {
            await WriteErrorAsync(context, MediaNotFoundCode, "media not found");
            return;
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, """{"code":0,"data":{"success":true},"message":"success"}""");
    }

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
    private static (int Code, string? Problem, string? Phone, string? MediaId) ReadDeleteMediaBody(byte[] body)
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

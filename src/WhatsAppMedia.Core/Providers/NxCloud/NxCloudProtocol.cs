namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// The fixed names and values of NxCloud's deleteMedia and getMedia calls, shared by the provider and the sandbox imitation so
/// the two cannot drift apart.
/// </summary>
public static class NxCloudProtocol
{
    /// <summary>The path under the base URL.</summary>
    public const string DeleteMediaPath = "api/wa/deleteMedia";

    /// <summary>
    /// getMedia's path under the base URL: same headers, body and signing as deleteMedia, answering
    /// <c>{"code":0,"data":{"mime_type","file_name","url"}}</c> (nxtele/nxcloud-doc-en wiki, "WhatsApp API getMedia").
    /// </summary>
    public const string GetMediaPath = "api/wa/getMedia";

    /// <summary>NxCloud's business type for WhatsApp.</summary>
    public const string WhatsAppBizType = "2";

    public const string DeleteMediaAction = "deleteMedia";

    public const string GetMediaAction = "getMedia";

    public const string JsonMediaType = "application/json";

    public const string AccessKeyHeader = "accessKey";
    public const string TimestampHeader = "ts";
    public const string BizTypeHeader = "bizType";
    public const string ActionHeader = "action";
    public const string SignHeader = "sign";

    public const string BusinessPhoneKey = "business_phone";
    public const string MediaIdKey = "Media-ID";
    public const string MessagingProductKey = "messaging_product";
    public const string MessagingProduct = "whatsapp";

    /// <summary>How far a request's <c>ts</c> may be from NxCloud's clock, either way.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(60);
}

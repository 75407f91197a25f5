namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// The fixed names and values of NxCloud's deleteMedia call, shared by the provider and the sandbox imitation so
/// the two cannot drift apart.
/// </summary>
public static class NxCloudProtocol
{
    /// <summary>The path under the base URL.</summary>
    public const string DeleteMediaPath = "api/wa/deleteMedia";

    /// <summary>NxCloud's business type for WhatsApp.</summary>
    public const string WhatsAppBizType = "2";

    public const string DeleteMediaAction = "deleteMedia";

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

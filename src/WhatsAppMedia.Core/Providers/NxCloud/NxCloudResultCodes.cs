namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// The <c>code</c> values NxCloud documents for its WhatsApp API (authentication codes from its
/// "API Error Code" page, the rest from the per-call response tables).
/// </summary>
public static class NxCloudResultCodes
{
    public const int Success = 0;

    /// <summary>"Request failed": NxCloud asks to contact support; treated as passing.</summary>
    public const int RequestFailed = -1;

    /// <summary>A required header (accessKey, ts, bizType, action, sign) is missing.</summary>
    public const int MissingPublicParameters = 1001;

    /// <summary>bizType/action or a body parameter is wrong.</summary>
    public const int ParameterError = 1002;

    public const int InvalidSignature = 1003;

    /// <summary>The <c>ts</c> header is more than 60 s from NxCloud's clock (or unreadable).</summary>
    public const int TimestampExpired = 1004;

    /// <summary>Unknown accessKey, or the account lacks the permission for this call.</summary>
    public const int InsufficientPermissions = 1005;

    /// <summary>"Parameter exception": a required body parameter is missing.</summary>
    public const int ParameterException = 9000;

    /// <summary>"System business error": NxCloud asks to contact support; treated as passing.</summary>
    public const int SystemBusinessError = 9001;
}

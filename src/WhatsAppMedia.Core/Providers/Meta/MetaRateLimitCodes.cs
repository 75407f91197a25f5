namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>
/// Every <c>error.code</c> with which Meta says "slow down", whatever HTTP status carries it (mostly 400 or 403, rarely
/// 429). Taken from Meta's own references:
/// <list type="bullet">
/// <item>Graph API rate limiting, https://developers.facebook.com/docs/graph-api/overview/rate-limiting/: platform
/// limits 4 (application), 17 (user), 32 (page), 613 (custom); business-use-case limits 80000 ads insights, 80001
/// pages, 80002 Instagram, 80003 custom audience, 80004 ads management, 80005 lead ads, 80006 Messenger, 80008 WhatsApp
/// Business Management API, 80009 catalog management, 80014 catalog batch. The whole 80000–80014 block is treated as
/// that family, so a use case Meta adds inside it is throttled too. Meta's own SDK names 17 and 613 the same way
/// (facebook/facebook-python-business-sdk, facebook_business/utils/fberrcodes.py: rate_limit, too_many_requests).</item>
/// <item>Graph API error handling, https://developers.facebook.com/docs/graph-api/guides/error-handling: 341
/// "Application limit reached", wait and retry.</item>
/// <item>WhatsApp error codes, https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/,
/// throttling errors: 4, 80007 (WhatsApp Business Account rate limit), 130429 (Cloud API throughput), 131048 (spam rate
/// limit), 131056 (business/consumer pair rate limit), 133016 (register/deregister rate limit).</item>
/// </list>
/// </summary>
internal static class MetaRateLimitCodes
{
    public const int ApplicationTooManyCalls = 4;
    public const int UserTooManyCalls = 17;
    public const int PageTooManyCalls = 32;
    public const int ApplicationLimitReached = 341;
    public const int CustomRateLimit = 613;
    public const int FirstBusinessUseCase = 80000;
    public const int LastBusinessUseCase = 80014;
    public const int CloudApiThroughput = 130429;
    public const int SpamRateLimit = 131048;
    public const int PairRateLimit = 131056;
    public const int RegistrationRateLimit = 133016;

    /// <summary>Every code above, the business-use-case range spelled out, for tests and documentation.</summary>
    public static IReadOnlyList<int> All { get; } =
    [
        ApplicationTooManyCalls, UserTooManyCalls, PageTooManyCalls, ApplicationLimitReached, CustomRateLimit,
        .. Enumerable.Range(FirstBusinessUseCase, LastBusinessUseCase - FirstBusinessUseCase + 1),
        CloudApiThroughput, SpamRateLimit, PairRateLimit, RegistrationRateLimit,
    ];

    /// <summary>Whether <paramref name="code"/> is one of Meta's rate-limit codes.</summary>
    public static bool IsRateLimit(int code) => code switch
    {
        ApplicationTooManyCalls or UserTooManyCalls or PageTooManyCalls or ApplicationLimitReached or CustomRateLimit => true,
        >= FirstBusinessUseCase and <= LastBusinessUseCase => true,
        CloudApiThroughput or SpamRateLimit or PairRateLimit or RegistrationRateLimit => true,
        _ => false,
    };
}

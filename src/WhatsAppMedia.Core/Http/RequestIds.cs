namespace WhatsAppMedia.Core.Http;

/// <summary>Request ids per contract §2: the caller's <c>X-Request-Id</c> when it is 1–64 chars of <c>[A-Za-z0-9._-]</c>, otherwise a new one.</summary>
public static class RequestIds
{
    public const string HeaderName = "X-Request-Id";
    public const int MaxLength = 64;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string New() => Guid.NewGuid().ToString("N");

    public static string FromCaller(string? callerValue) => IsValid(callerValue) ? callerValue! : New();
}

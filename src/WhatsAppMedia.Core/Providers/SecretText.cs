namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// Guards the places where a credential meets text: what may become a header value, and what must be scrubbed from
/// a provider's answer before it is kept, in case the provider echoes what it was sent.
/// </summary>
internal static class SecretText
{
    /// <summary><see cref="IsHeaderSafe"/> as a phrase that follows a field name in an error.</summary>
    public const string HeaderSafeRule = "must be visible ASCII only, without spaces or control characters: it travels in an HTTP header";

    /// <summary>
    /// Whether <paramref name="value"/> can travel as a header value exactly as given: visible ASCII only, no spaces
    /// or control characters. Every provider's tokens and keys fit; anything else is a paste error at best and a
    /// header injection at worst, so it is refused rather than encoded.
    /// </summary>
    public static bool IsHeaderSafe(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(character => character is >= '!' and <= '~');

    /// <summary>Replaces every occurrence of each non-empty secret with <c>***</c>; a mangled message is harmless, a leaked secret is not.</summary>
    public static string? Redact(string? text, params ReadOnlySpan<string?> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}

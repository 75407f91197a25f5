using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// The strict first step of reading a queue message's text (docs/formats.md, "Queue message"), shared by
/// <see cref="DeletionMessage.TryRead"/> and <see cref="FailedEntryFitter"/>: the text must have a UTF-8 form (no lone
/// surrogate), be JSON, and be a JSON object. What the object holds is each caller's own business.
/// </summary>
internal static class QueueMessageJson
{
    /// <summary>Parses <paramref name="text"/> as one JSON object, or says why it is not one.</summary>
    /// <param name="text">The message as received.</param>
    /// <param name="document">The parsed message, its root an object; the caller disposes it.</param>
    /// <param name="utf8">The UTF-8 bytes <paramref name="document"/> was parsed from, for <see cref="JsonStrings.FindNonText"/>.</param>
    /// <param name="problem">Why the text is refused, for example <c>The message is not valid JSON.</c></param>
    public static bool TryParseObject(
        string text,
        [NotNullWhen(true)] out JsonDocument? document,
        [NotNullWhen(true)] out byte[]? utf8,
        [NotNullWhen(false)] out string? problem)
    {
        document = null;
        utf8 = null;
        if (JsonStrings.FindLoneSurrogate(text) is { } index)
        {
            problem = $"The message is not text: it holds an unpaired surrogate at index {index}.";
            return false;
        }

        var bytes = JsonStrings.StrictUtf8.GetBytes(text);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            problem = "The message is not valid JSON.";
            return false;
        }

        if (parsed.RootElement.ValueKind != JsonValueKind.Object)
        {
            parsed.Dispose();
            problem = "The message must be a JSON object.";
            return false;
        }

        (document, utf8, problem) = (parsed, bytes, null);
        return true;
    }
}

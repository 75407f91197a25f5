using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WhatsAppMedia.Core.Text;

/// <summary>
/// Finds the JSON strings that are not text. <see cref="JsonDocument"/> accepts both a lone surrogate written as an
/// escape (<c>"\ud800"</c>) and raw bytes that are not UTF-8 inside a string, and only throws later, when the value or
/// a property name is read (<see cref="JsonElement.GetString"/>, and <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// when it passes such a name). Every reader of outside JSON scans first, so it can refuse the input with a specific
/// error instead of failing on an <see cref="InvalidOperationException"/> somewhere inside.
/// </summary>
public static class JsonStrings
{
    /// <summary>Why a <see cref="NonTextString"/> is refused, for problem details; it repeats nothing of the value.</summary>
    public const string NotTextReason = "is not text: it holds an unpaired surrogate escape (\\uD800-\\uDFFF) or bytes that are not UTF-8";

    /// <summary>A UTF-16 string has no UTF-8 form when it holds a lone surrogate; this encoder says so instead of writing U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The non-text strings (values and property names) of <paramref name="utf8Json"/>, in document order, at most <paramref name="max"/>.</summary>
    /// <param name="utf8Json">JSON that <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> already accepted.</param>
    /// <param name="max">How many to report at most; scanning stops there.</param>
    /// <param name="options">The options the document was parsed with (depth, comments, trailing commas).</param>
    /// <exception cref="JsonException">The JSON is not well formed under <paramref name="options"/>.</exception>
    public static IReadOnlyList<NonTextString> FindNonText(ReadOnlySpan<byte> utf8Json, int max = int.MaxValue, JsonDocumentOptions options = default)
    {
        // Nearly every input is all text: one pass that allocates nothing for unescaped strings says so, and only
        // input with a fault pays for the second pass that builds paths.
        if (AllText(utf8Json, options))
        {
            return [];
        }

        var found = new List<NonTextString>();
        var path = new List<object>();

        // Per open container: whether it is an array, and the index of its current element.
        var containers = new Stack<(bool IsArray, int Index)>();
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions(options));
        while (found.Count < max && reader.Read())
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.Comment)
            {
                continue;
            }

            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                var (_, index) = containers.Pop();
                if (index >= 0)
                {
                    // An array's last element index.
                    path.RemoveAt(path.Count - 1);
                }

                EndValue(containers, path);
                continue;
            }

            if (token == JsonTokenType.PropertyName)
            {
                var name = TryGetText(ref reader);
                if (name is null)
                {
                    found.Add(new NonTextString(Format(path), [.. path], IsPropertyName: true));
                }

                // The next value's path ends in this name ("?" when the name is not text itself).
                path.Add(name ?? "?");
                continue;
            }

            // A value: in an array it is the next element.
            if (containers.Count > 0 && containers.Peek().IsArray)
            {
                var (_, index) = containers.Pop();
                containers.Push((true, index + 1));
                if (index >= 0)
                {
                    path[^1] = index + 1;
                }
                else
                {
                    path.Add(0);
                }
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((token == JsonTokenType.StartArray, -1));
                continue;
            }

            if (token == JsonTokenType.String && !IsText(ref reader))
            {
                found.Add(new NonTextString(Format(path), [.. path], IsPropertyName: false));
            }

            EndValue(containers, path);
        }

        return found;
    }

    private static bool AllText(ReadOnlySpan<byte> utf8Json, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions(options));
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && !IsText(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    private static JsonReaderOptions ReaderOptions(JsonDocumentOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.CommentHandling == JsonCommentHandling.Allow ? JsonCommentHandling.Skip : options.CommentHandling,
    };

    private static bool IsText(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence ? Utf8.IsValid(reader.ValueSpan) : TryGetText(ref reader) is not null;

    /// <summary>The non-text strings of <paramref name="json"/>, which must be text itself (<see cref="FindLoneSurrogate"/>).</summary>
    /// <exception cref="EncoderFallbackException">The string holds a lone surrogate.</exception>
    public static IReadOnlyList<NonTextString> FindNonText(string json, int max = int.MaxValue, JsonDocumentOptions options = default) =>
        FindNonText(StrictUtf8.GetBytes(json), max, options);

    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or null when it is all text.</summary>
    public static int? FindLoneSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A finished value ends its property, but not its array element: the index stays for the next one.</summary>
    private static void EndValue(Stack<(bool IsArray, int Index)> containers, List<object> path)
    {
        if (containers.Count > 0 && !containers.Peek().IsArray)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static string? TryGetText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && !Utf8.IsValid(reader.ValueSpan))
        {
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // The documented failure of GetString for an escape that decodes to a lone surrogate, or bytes that are not UTF-8.
            return null;
        }
    }

    private static string Format(List<object> path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path)
        {
            _ = segment is int index ? text.Append('[').Append(index).Append(']') : text.Append('.').Append((string)segment);
        }

        return text.ToString();
    }
}

using System.Text;
using Azure.Storage.Queues;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// Makes a <c>{queue}-failed</c> entry fit the queue's message limit (docs/formats.md, "-failed entry"), so writing it cannot fail for its
/// size and the delivery is not wasted on retries that end in <c>-poison</c>. An entry is larger than the message it
/// records — JSON escaping turns <c>"</c> into two bytes and <c>&lt;</c>, <c>&amp;</c>, <c>+</c>, <c>'</c>, control
/// characters and every non-ASCII character into six, base64 adds a third, and the code, detail and time come on
/// top — so a message that fitted the queue need not fit once recorded. Pure: the same text and encoding give the
/// same entry, whatever client sends it.
/// </summary>
internal static class FailedEntryFitter
{
    /// <summary>The longest <see cref="FailedDeletion.Detail"/> kept; ours are far shorter, a provider's answer may not be.</summary>
    public const int MaxDetailLength = 2048;

    /// <summary>The members docs/formats.md, "Queue message" defines for a message; a too-large entry keeps only these.</summary>
    private static readonly string[] ContractFields = ["tenantId", "mediaId", "phone", "batchId", "itemIndex", "requestId", "attempt"];

    /// <summary>
    /// <paramref name="entry"/> itself when it fits; otherwise the same entry with <see cref="FailedDeletion.MessageTruncated"/>
    /// set and a <see cref="FailedDeletion.Message"/> that fits: the message re-serialised with only the contract's
    /// fields when it is a JSON object and that fits, else that text (or, when it is not a JSON object, the original)
    /// cut at the longest length that fits.
    /// </summary>
    public static FailedDeletion Fit(FailedDeletion entry, QueueMessageEncoding encoding, int maxStoredBytes = QueueMessageSize.MaxStoredBytes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Detail.Length > MaxDetailLength)
        {
            entry = entry with { Detail = Cut(entry.Detail, MaxDetailLength - 1) + "\u2026" };
        }

        if (Fits(entry, encoding, maxStoredBytes))
        {
            return entry;
        }

        var reduced = ContractFieldsOnly(entry.Message) is { } kept
            ? entry with { Message = kept, MessageTruncated = true }
            : entry with { MessageTruncated = true };
        if (Fits(reduced, encoding, maxStoredBytes))
        {
            return reduced;
        }

        // The longest prefix that fits: entry sizes grow with the prefix, so a binary search finds it.
        var text = reduced.Message;
        int fits = 0, tooLong = text.Length;
        while (tooLong - fits > 1)
        {
            var middle = fits + ((tooLong - fits) / 2);
            if (Fits(reduced with { Message = Cut(text, middle) }, encoding, maxStoredBytes))
            {
                fits = middle;
            }
            else
            {
                tooLong = middle;
            }
        }

        var cut = reduced with { Message = Cut(text, fits) };
        return Fits(cut, encoding, maxStoredBytes)
            ? cut
            : throw new ArgumentOutOfRangeException(nameof(maxStoredBytes), maxStoredBytes, "Too small for even an empty failed entry.");
    }

    private static bool Fits(FailedDeletion entry, QueueMessageEncoding encoding, int maxStoredBytes) =>
        QueueMessageSize.Fits(entry.ToJson(), encoding, maxStoredBytes);

    /// <summary>The first <paramref name="length"/> characters, one fewer when that would split a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        return length > 0 && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }

    /// <summary>The message as a JSON object of only the contract's fields, values as sent; null when it is not a JSON object.</summary>
    private static string? ContractFieldsOnly(string message)
    {
        if (!QueueMessageJson.TryParseObject(message, out var document, out _, out _))
        {
            return null;
        }

        using (document)
        {
            // Values are copied as sent (escapes included), so a value that is not text stays as it was.
            var kept = new StringBuilder("{");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var name = Array.Find(ContractFields, field => property.NameEquals(field));
                    if (name is not null && seen.Add(name))
                    {
                        _ = kept.Append(kept.Length > 1 ? "," : string.Empty).Append('"').Append(name).Append("\":").Append(property.Value.GetRawText());
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // A property name that is not text (an unpaired surrogate escape) cannot be compared: not usable as an object.
                return null;
            }

            return kept.Append('}').ToString();
        }
    }
}

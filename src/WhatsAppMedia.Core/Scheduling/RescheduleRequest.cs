using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Scheduling;

/// <summary>The body of <c>PATCH …/media/deletions/{batchId}</c>: <c>{"deleteAt": "…"}</c> (docs/scheduling.md, "Cancel and reschedule").</summary>
internal static class RescheduleRequest
{
    /// <summary>A body this size holds any valid request many times over.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>Reads the new due time (null: now) or the refusal, with its code.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, DateTimeOffset now, out DateTimeOffset? dueAt, [NotNullWhen(false)] out IdentifierError? refusal)
    {
        dueAt = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            refusal = new IdentifierError(ErrorCodes.InvalidRequest, "The body is not valid JSON.");
            return false;
        }

        using (document)
        {
            if (JsonStrings.FindNonText(body.Span, max: 1) is [var nonText])
            {
                refusal = new IdentifierError(ErrorCodes.InvalidRequest, nonText.Problem());
                return false;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("deleteAt", out var element))
            {
                refusal = new IdentifierError(ErrorCodes.InvalidRequest, "The body must be a JSON object with 'deleteAt' (an ISO 8601 UTC time, or null for now).");
                return false;
            }

            var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            var malformed = element.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);
            if (!DeleteAt.TryResolve(text, malformed, "deleteAt", now, out dueAt, out var problem))
            {
                refusal = new IdentifierError(ErrorCodes.InvalidDeleteAt, problem!);
                return false;
            }

            refusal = null;
            return true;
        }
    }
}

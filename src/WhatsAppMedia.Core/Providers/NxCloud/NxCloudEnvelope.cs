using System.Globalization;
using System.Text.Json;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>The parts of NxCloud's <c>{"code","message","data":{"success"}}</c> envelope that matter here.</summary>
internal sealed record NxCloudEnvelope(int Code, string? Message, bool Success)
{
    public static NxCloudEnvelope? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryReadCode(root, out var code))
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            var success = root.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("success", out var flag)
                && flag.ValueKind == JsonValueKind.True;
            return new NxCloudEnvelope(code, message, success);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // NxCloud documents code as an integer; a numeric string is read too rather than mistaken for "no envelope".
    private static bool TryReadCode(JsonElement root, out int code)
    {
        code = 0;
        if (!root.TryGetProperty("code", out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out code),
            JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code),
            _ => false,
        };
    }
}

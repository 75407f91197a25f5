using System.Text.Json;

namespace WhatsAppMedia.Cli;

/// <summary>
/// <c>--secrets-from-stdin</c>: secrets as one JSON object on standard input, keyed by their tenant document names,
/// for example <c>{"accessToken":"…"}</c>. Errors name the problem and the key, never a value or the input itself.
/// </summary>
internal static class StandardInputSecrets
{
    public const string OptionName = "--secrets-from-stdin";

    /// <summary>More than any set of credentials needs; a larger input is a mistake (the wrong file piped in).</summary>
    private const int MaxChars = 64 * 1024;

    /// <summary>Reads the secrets, by document field name.</summary>
    /// <exception cref="CliException">The input is empty, too long, not a JSON object of strings, or names a field that is not a secret (<see cref="ExitCodes.Usage"/>).</exception>
    public static async Task<Dictionary<CredentialField, string>> ReadAsync(TextReader input, IReadOnlyList<CredentialField> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new char[MaxChars + 1];
        var length = await input.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (length > MaxChars)
        {
            throw Usage($"standard input is longer than {MaxChars} characters.");
        }

        var text = new string(buffer, 0, length);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Usage("standard input is empty; expected a JSON object such as {\"accessToken\":\"…\"}.");
        }

        using var document = Parse(text);
        var secrets = new Dictionary<CredentialField, string>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var field = fields.FirstOrDefault(candidate => candidate.IsSecret && candidate.Name == property.Name)
                ?? throw Usage($"{Describe(property.Name)} is not a secret field; the fields are {string.Join(", ", fields.Where(f => f.IsSecret).Select(f => f.Name))}.");
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Usage($"the value of '{field.Name}' must be a JSON string.");
            }

            secrets[field] = property.Value.GetString()!;
        }

        return secrets;
    }

    private static JsonDocument Parse(string text)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 4 });
        }
        catch (JsonException)
        {
            // Reported below; the parser's message could quote the input, and the input is secrets.
        }

        if (document?.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        document?.Dispose();
        throw Usage("standard input is not one JSON object with unique keys, such as {\"accessToken\":\"…\"}; its content is not repeated here.");
    }

    /// <summary>Names a wrong key only when it looks like a field name (a typo); anything else might be a pasted secret.</summary>
    private static string Describe(string key) =>
        key.Length is > 0 and <= 40 && key.All(char.IsAsciiLetter) ? $"'{key}'" : "a key";

    private static CliException Usage(string problem) => new(ExitCodes.Usage, $"{OptionName}: {problem}");
}

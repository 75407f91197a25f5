using System.Text.Json;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The <c>Values</c> of <c>local.settings.json</c> (falling back to <c>local.settings.sample.json</c>), as
/// configuration: <c>Providers__Meta__BaseUrl</c> becomes <c>Providers:Meta:BaseUrl</c>, as the Functions host does.
/// </summary>
public static class LocalSettings
{
    public static (string Path, IReadOnlyDictionary<string, string?> Values) Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "local.settings.json");
        if (!File.Exists(path))
        {
            path = Path.Combine(repositoryRoot, "local.settings.sample.json");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} has no \"Values\" object.");
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values.EnumerateObject())
        {
            settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] = value.Value.ValueKind switch
            {
                JsonValueKind.String => value.Value.GetString(),
                JsonValueKind.Null => null,
                _ => value.Value.GetRawText(),
            };
        }

        return (path, settings);
    }
}

using System.Text.Json;
using WhatsAppMedia.Core.Text;

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

        var text = File.ReadAllText(path);
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        // A lone surrogate escape ("\ud800") would make reading the value throw somewhere inside; say which one instead.
        if (JsonStrings.FindNonText(text, max: 1, options) is [var nonText])
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)}: {nonText.Problem()}");
        }

        using var document = JsonDocument.Parse(text, options);
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

namespace WhatsAppMedia.Core.Queues;

/// <summary>Azure's queue naming rules, checked before a name goes into a URL.</summary>
internal static class QueueNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    /// <summary>Why <paramref name="name"/> is not a valid queue name, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length is < MinLength or > MaxLength)
        {
            return $"a queue name must be {MinLength} to {MaxLength} characters long";
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return "a queue name may only contain lowercase letters, digits and hyphens";
            }
        }

        if (name[0] == '-' || name[^1] == '-')
        {
            return "a queue name must start and end with a letter or digit";
        }

        return name.Contains("--", StringComparison.Ordinal) ? "a queue name must not contain consecutive hyphens" : null;
    }
}

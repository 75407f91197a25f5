using System.Diagnostics.CodeAnalysis;

namespace WhatsAppMedia.Core.Batches;

/// <summary>Batch ids as the service issues them: 32 lowercase hexadecimal digits (a GUID without dashes).</summary>
internal static class BatchIds
{
    public const int Length = 32;

    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

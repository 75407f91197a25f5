namespace WhatsAppMedia.Core.Text;

/// <summary>
/// A JSON string that is not text: a lone surrogate written as a <c>\uXXXX</c> escape, or raw bytes that are not UTF-8.
/// <see cref="Path"/> locates it (<c>$.items[3].mediaId</c>); <see cref="Segments"/> is the same path as property
/// names (<see cref="string"/>) and array indexes (<see cref="int"/>). When <see cref="IsPropertyName"/> is true the
/// property name itself is not text, and the path ends at the object that holds it. The string's value is never kept,
/// so a fault can be reported without repeating what the caller sent.
/// </summary>
public sealed record NonTextString(string Path, IReadOnlyList<object> Segments, bool IsPropertyName)
{
    /// <summary>The last segment when it is a property name, for example <c>mediaId</c>; null for array elements and property names.</summary>
    public string? Field => !IsPropertyName && Segments.Count > 0 ? Segments[^1] as string : null;

    /// <summary>Where the fault is, in words, for a problem detail: <c>'$.items[3].mediaId'</c> or <c>a property name in '$.items[3]'</c>.</summary>
    public string Describe() => IsPropertyName ? $"a property name in '{Path}'" : $"'{Path}'";

    /// <summary>The whole sentence: <c>'$.items[3].mediaId' is not text: …</c>.</summary>
    public string Problem() => $"{Describe()} {JsonStrings.NotTextReason}.";
}

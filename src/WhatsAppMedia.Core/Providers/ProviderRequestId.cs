namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// The provider's own id of a request, kept as evidence in receipts (docs/receipts.md, "A receipt"): the first of the
/// named response headers that holds one. A value that is not 1 to 128 visible ASCII characters is not an id and is dropped.
/// </summary>
internal static class ProviderRequestId
{
    public const int MaxLength = 128;

    public static string? From(HttpResponseMessage response, params ReadOnlySpan<string> headers)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var header in headers)
        {
            if (response.Headers.TryGetValues(header, out var values) && Usable(values.FirstOrDefault()) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The value when it can be an id, else null.</summary>
    public static string? Usable(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is > ' ' and <= '~') ? value : null;
}

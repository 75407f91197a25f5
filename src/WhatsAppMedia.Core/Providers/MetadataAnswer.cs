using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers;

/// <summary>One metadata attempt's answer: the metadata, or the provider's refusal classified as for a delete.</summary>
/// <param name="Metadata">What the provider said about the media; null when it refused.</param>
/// <param name="Failure">The classified refusal; null when <paramref name="Metadata"/> is set.</param>
internal sealed record MetadataAnswer(MediaMetadata? Metadata, ProviderAnswer? Failure)
{
    public static MetadataAnswer Found(MediaMetadata metadata) => new(metadata ?? throw new ArgumentNullException(nameof(metadata)), null);

    public static MetadataAnswer Failed(ProviderAnswer failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}

using WhatsAppMedia.Core.Retrievals;

namespace WhatsAppMedia.Core.Providers;

/// <summary>The result of one metadata call after its retries.</summary>
/// <param name="Metadata">The metadata, when the provider gave it.</param>
/// <param name="Failure">The last classified refusal, when it did not.</param>
/// <param name="Attempts">HTTP attempts made, at least 1.</param>
internal sealed record MetadataResult(MediaMetadata? Metadata, ProviderAnswer? Failure, int Attempts);

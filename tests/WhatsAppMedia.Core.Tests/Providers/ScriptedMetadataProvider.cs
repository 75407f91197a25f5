using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>A metadata call that plays back a script of answers, beside a <see cref="ScriptedProvider"/> for the same provider name.</summary>
internal sealed class ScriptedMetadataProvider(params MetadataAnswer[] script) : IMediaMetadataProvider
{
    private int _calls;

    public string Provider => "meta";

    public int Calls => _calls;

    public Task<MetadataAnswer> SendGetMetadataAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(script[Math.Min(call, script.Length) - 1]);
    }

    public string? ContentBearerToken(ProviderCredentials credentials) => null;
}

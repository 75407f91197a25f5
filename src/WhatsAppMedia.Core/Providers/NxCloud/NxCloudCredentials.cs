namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <param name="AccessKey">The NxCloud access key, sent in the <c>accessKey</c> header.</param>
/// <param name="AccessSecret">The NxCloud access secret; only ever used inside the signature.</param>
public sealed record NxCloudCredentials(string AccessKey, string AccessSecret) : ProviderCredentials
{
    public override ProviderKind Kind => ProviderKind.NxCloud;

    public override string ToString() => $"NxCloudCredentials {{ AccessKey = {AccessKey}, AccessSecret = {Redacted} }}";
}

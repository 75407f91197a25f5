namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>The key pair (and session token of temporary credentials) that signs a request.</summary>
/// <param name="AccessKeyId">The access key id; public, it travels in the <c>Authorization</c> header.</param>
/// <param name="SecretAccessKey">The secret access key; never sent, only used to derive the signing key.</param>
/// <param name="SessionToken">The session token of temporary credentials, sent and signed as <c>X-Amz-Security-Token</c>; or null.</param>
internal sealed record SigV4Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() =>
        $"SigV4Credentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "" : "***")} }}";
}

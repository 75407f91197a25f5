namespace WhatsAppMedia.Core.Providers.Aws;

/// <param name="AccessKeyId">The IAM access key id.</param>
/// <param name="SecretAccessKey">The IAM secret access key.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null.</param>
/// <param name="Region">The AWS region of the End User Messaging Social resources, for example <c>us-east-1</c>.</param>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, string Region) : ProviderCredentials
{
    public override ProviderKind Kind => ProviderKind.Aws;

    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = {Redacted}, SessionToken = {(SessionToken is null ? "" : Redacted)}, Region = {Region} }}";
}

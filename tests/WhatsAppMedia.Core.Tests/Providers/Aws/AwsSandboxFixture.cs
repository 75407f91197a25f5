using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>The fake-clock sandbox with the AWS account, endpoint and provider the AWS tests use.</summary>
public sealed class AwsSandboxFixture : FakeClockSandboxFixture
{
    public SandboxProviderState State => Sandbox.Aws;

    /// <summary>The sandbox's AWS endpoint, for example <c>http://127.0.0.1:5123/aws</c>.</summary>
    public Uri Endpoint => Sandbox.BaseUrlFor(ProviderKind.Aws);

    internal static AwsCredentials Credentials { get; } = new(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey, null, SandboxAccounts.Aws.Region);

    internal static AwsCredentials TemporaryCredentials { get; } =
        new(SandboxAccounts.Aws.TemporaryAccessKeyId, SandboxAccounts.Aws.TemporarySecretAccessKey, SandboxAccounts.Aws.SessionToken, SandboxAccounts.Aws.Region);

    internal AwsMediaProvider Provider(TimeProvider? clock = null) => new(HttpClient, Microsoft.Extensions.Options.Options.Create(new AwsOptions { Endpoint = Endpoint }), clock ?? Clock);

    /// <summary>The requests the sandbox recorded for <paramref name="mediaId"/>, oldest first.</summary>
    public List<RecordedRequest> RequestsFor(string mediaId) =>
        State.Requests.Where(request => request.Query.Contains("mediaId=" + mediaId + "&", StringComparison.Ordinal) || request.Query.EndsWith("mediaId=" + mediaId, StringComparison.Ordinal)).ToList();
}

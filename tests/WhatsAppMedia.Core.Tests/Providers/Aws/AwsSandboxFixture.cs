using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>
/// A provider sandbox whose clock is a <see cref="FakeTimeProvider"/>, so SigV4's five-minute window is tested by
/// setting clocks, not by waiting. The shared clock is never moved; a test that needs another time gives the
/// provider a clock of its own.
/// </summary>
public sealed class AwsSandboxFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private ProviderSandbox? _sandbox;

    public FakeTimeProvider Clock { get; } = new(Now);

    public HttpClient HttpClient { get; } = new();

    public ProviderSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public SandboxProviderState State => Sandbox.Aws;

    /// <summary>The sandbox's AWS endpoint, for example <c>http://127.0.0.1:5123/aws</c>.</summary>
    public Uri Endpoint => Sandbox.BaseUrlFor(ProviderKind.Aws);

    public static AwsCredentials Credentials { get; } = new(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey, null, SandboxAccounts.Aws.Region);

    public static AwsCredentials TemporaryCredentials { get; } =
        new(SandboxAccounts.Aws.TemporaryAccessKeyId, SandboxAccounts.Aws.TemporarySecretAccessKey, SandboxAccounts.Aws.SessionToken, SandboxAccounts.Aws.Region);

    public AwsMediaProvider Provider(TimeProvider? clock = null) =>
        new(HttpClient, Options.Create(new ProvidersOptions { Aws = { Endpoint = Endpoint } }), clock ?? Clock);

    /// <summary>The requests the sandbox recorded for <paramref name="mediaId"/>, oldest first.</summary>
    public List<RecordedRequest> RequestsFor(string mediaId) =>
        State.Requests.Where(request => request.Query.Contains("mediaId=" + mediaId + "&", StringComparison.Ordinal) || request.Query.EndsWith("mediaId=" + mediaId, StringComparison.Ordinal)).ToList();

    public async Task InitializeAsync() => _sandbox = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { TimeProvider = Clock });

    public async Task DisposeAsync()
    {
        HttpClient.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>
/// The fake-clock sandbox with the NxCloud account and provider the NxCloud tests use. NxCloud refuses a <c>ts</c>
/// more than 60 s from the server's clock, so tests set the provider's clock relative to
/// <see cref="FakeClockSandboxFixture.Now"/> instead of the wall clock.
/// </summary>
public sealed class NxCloudSandboxFixture : FakeClockSandboxFixture
{
    private HttpClient? _client;

    public SandboxProviderState State => Sandbox.NxCloud;

    public Uri DeleteMediaUri => new(Sandbox.BaseUrlFor(ProviderKind.NxCloud) + "/" + NxCloudProtocol.DeleteMediaPath);

    internal static NxCloudCredentials Credentials { get; } = new(SandboxAccounts.NxCloud.AccessKey, SandboxAccounts.NxCloud.AccessSecret);

    /// <summary>A provider whose clock is <paramref name="skew"/> away from the sandbox's.</summary>
    internal NxCloudMediaProvider Provider(out FakeTimeProvider clock, TimeSpan skew = default)
    {
        clock = new FakeTimeProvider(Now + skew);
        return new NxCloudMediaProvider(Client, clock);
    }

    /// <summary>A client with the sandbox's NxCloud endpoint as its base address, as the service registers it.</summary>
    private HttpClient Client => _client ??= new HttpClient { BaseAddress = EndpointPolicy.AsBaseAddress(Sandbox.BaseUrlFor(ProviderKind.NxCloud)) };

    public string CreateMedia(string? ownerPhone = null) => Sandbox.CreateMedia(ProviderKind.NxCloud, ownerPhone);
}

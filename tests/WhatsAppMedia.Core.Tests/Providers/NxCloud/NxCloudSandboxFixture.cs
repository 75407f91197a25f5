using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>
/// A sandbox whose clock is a <see cref="FakeTimeProvider"/>, because NxCloud refuses a <c>ts</c> more than 60 s from
/// the server's clock: tests set the provider's clock relative to <see cref="SandboxClock"/> instead of the wall clock.
/// The sandbox clock stays at <see cref="SandboxNow"/>; tests that need skew move their own provider clock.
/// </summary>
public sealed class NxCloudSandboxFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset SandboxNow = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private ProviderSandbox? _sandbox;

    public FakeTimeProvider SandboxClock { get; } = new(SandboxNow);

    public HttpClient HttpClient { get; } = new();

    public ProviderSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public SandboxProviderState State => Sandbox.NxCloud;

    public Uri DeleteMediaUri => new(Sandbox.BaseUrlFor(ProviderKind.NxCloud) + "/" + NxCloudProtocol.DeleteMediaPath);

    public static NxCloudCredentials Credentials { get; } = new(SandboxAccounts.NxCloud.AccessKey, SandboxAccounts.NxCloud.AccessSecret);

    public IOptions<ProvidersOptions> Options => Microsoft.Extensions.Options.Options.Create(new ProvidersOptions
    {
        NxCloud = { BaseUrl = Sandbox.BaseUrlFor(ProviderKind.NxCloud) },
    });

    /// <summary>A provider whose clock is <paramref name="skew"/> away from the sandbox's.</summary>
    public NxCloudMediaProvider Provider(out FakeTimeProvider clock, TimeSpan skew = default)
    {
        clock = new FakeTimeProvider(SandboxNow + skew);
        return new NxCloudMediaProvider(HttpClient, Options, clock);
    }

    public string CreateMedia(string? ownerPhone = null) => Sandbox.CreateMedia(ProviderKind.NxCloud, ownerPhone);

    public async Task InitializeAsync() =>
        _sandbox = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { TimeProvider = SandboxClock });

    public async Task DisposeAsync()
    {
        HttpClient.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

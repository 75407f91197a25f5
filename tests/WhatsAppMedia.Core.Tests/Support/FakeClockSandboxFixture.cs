using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// A provider sandbox whose clock is a <see cref="FakeTimeProvider"/> stopped at <see cref="Now"/>, for providers
/// whose servers check request times (SigV4's five-minute window, NxCloud's 60 s <c>ts</c>): those windows are tested
/// by setting clocks, not by waiting. The shared clock is never moved; a test that needs another time gives its
/// provider a clock of its own. Provider-specific fixtures derive from this one.
/// </summary>
public abstract class FakeClockSandboxFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private ProviderSandbox? _sandbox;

    public FakeTimeProvider Clock { get; } = new(Now);

    public HttpClient HttpClient { get; } = new();

    public ProviderSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

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

using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// One provider sandbox on a free loopback port, shared by the tests of a class (<c>IClassFixture&lt;SandboxFixture&gt;</c>).
/// Tests make their own media ids, so they do not step on each other's state.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private ProviderSandbox? _sandbox;

    public ProviderSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync() => _sandbox = await ProviderSandbox.StartAsync();

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

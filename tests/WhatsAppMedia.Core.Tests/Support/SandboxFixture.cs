using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
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

    /// <summary>Provider options pointing every provider at the sandbox.</summary>
    public IOptions<ProvidersOptions> Options => OptionsFor(Sandbox);

    /// <summary>Provider options pointing every provider at <paramref name="sandbox"/>.</summary>
    public static IOptions<ProvidersOptions> OptionsFor(ProviderSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        return Microsoft.Extensions.Options.Options.Create(new ProvidersOptions
        {
            Meta = { BaseUrl = sandbox.BaseUrlFor(ProviderKind.Meta) },
            Aws = { Endpoint = sandbox.BaseUrlFor(ProviderKind.Aws) },
            NxCloud = { BaseUrl = sandbox.BaseUrlFor(ProviderKind.NxCloud) },
            SmsGatewayCenter = { BaseUrl = sandbox.BaseUrlFor(ProviderKind.SmsGatewayCenter) },
        });
    }

    public async Task InitializeAsync() => _sandbox = await ProviderSandbox.StartAsync();

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

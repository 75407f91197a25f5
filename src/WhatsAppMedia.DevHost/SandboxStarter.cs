using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost;

/// <summary>With <c>Sandbox__Enabled=true</c>, runs the provider sandbox in-process at <c>Sandbox__Url</c>, seeded with the demo media.</summary>
internal sealed partial class SandboxStarter(IConfiguration configuration, ILogger<SandboxStarter> logger) : IHostedService
{
    private ProviderSandbox? _sandbox;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!bool.TryParse(configuration["Sandbox:Enabled"], out var enabled) || !enabled)
        {
            return;
        }

        var url = new Uri(configuration["Sandbox:Url"] ?? "http://127.0.0.1:7080");
        _sandbox = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { Url = url, SeedDemoMedia = true }, cancellationToken);
        LogStarted(_sandbox.BaseUri);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sandbox is not null)
        {
            // With the host's deadline: a provider call still hanging on the sandbox must not hold the host past it.
            await _sandbox.StopAsync(cancellationToken);
            await _sandbox.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider sandbox running at {Uri} (control API under /_sandbox).")]
    private partial void LogStarted(Uri uri);
}

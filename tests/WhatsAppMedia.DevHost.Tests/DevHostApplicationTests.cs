using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.DevHost.Tests;

public class DevHostApplicationTests
{
    [Fact]
    public async Task The_shutdown_deadline_the_readme_documents_is_taken_from_the_command_line()
    {
        await using var app = DevHostApplication.Create(["--shutdownTimeoutSeconds=7"]);

        app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task The_shutdown_deadline_defaults_to_thirty_seconds()
    {
        await using var app = DevHostApplication.Create([]);

        app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.ShouldBe(TimeSpan.FromSeconds(30));
    }
}

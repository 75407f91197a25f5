using System.Net.Sockets;
using Azure.Storage.Queues;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>The Azurite launcher: finds the pinned package, reports a clear error without it, and stops what it started.</summary>
public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task It_listens_on_a_free_loopback_port_and_is_gone_after_dispose()
    {
        var azurite = await AzuriteProcess.StartAsync();
        var port = azurite.QueuePort;
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient("alive");

        (await queue.CreateIfNotExistsAsync()).ShouldNotBeNull("created now, not found already there");
        azurite.QueueServiceUri.ShouldBe(new Uri($"http://127.0.0.1:{port}/devstoreaccount1"));
        port.ShouldNotBe(DevelopmentStorage.QueuePort);

        await azurite.DisposeAsync();

        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task Without_node_modules_it_says_to_run_npm_ci()
    {
        var root = Directory.CreateTempSubdirectory("no-azurite-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "package.json"), "{}");

            var error = await Should.ThrowAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = root }));

            error.Message.ShouldContain("Azurite is not installed");
            error.Message.ShouldContain("npm ci");
            error.Message.ShouldContain("scripts/test.sh");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_repository_root_is_the_nearest_directory_with_package_json()
    {
        var root = Directory.CreateTempSubdirectory("repo-").FullName;
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root, "tests", "bin", "Debug")).FullName;
            File.WriteAllText(Path.Combine(root, "package.json"), "{}");

            AzuriteProcess.FindRepositoryRoot(nested).ShouldBe(root);
            File.Exists(Path.Combine(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), "package-lock.json")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Without_any_package_json_above_it_says_where_it_looked()
    {
        var error = Should.Throw<InvalidOperationException>(() => AzuriteProcess.FindRepositoryRoot(Path.GetPathRoot(Path.GetTempPath())!));

        error.Message.ShouldContain("No package.json");
    }

    [Fact]
    public async Task A_failed_start_reports_azurites_own_error()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => AzuriteProcess.StartAsync(new AzuriteOptions { CertificatePath = "/nonexistent/cert.pem", KeyPath = "/nonexistent/key.pem" }));

        error.Message.ShouldContain("Azurite exited with code");
        error.Message.ShouldContain("nonexistent");
    }
}

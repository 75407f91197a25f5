using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WhatsAppMedia.DevHost;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Load;

/// <summary>
/// The local host as <c>scripts/dev.sh</c> runs it — its own process (<c>dotnet WhatsAppMedia.DevHost.dll</c>, with
/// its own runtime settings: server GC), the provider sandbox inside it (<c>Sandbox__Enabled=true</c>) — so its memory
/// can be measured apart from the harness. Storage is an Azurite the harness starts on free ports; the host's and
/// the sandbox's ports are free ports picked here (released just before the host binds them: a bench, not a test).
/// </summary>
internal sealed class DevHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartGuard = TimeSpan.FromMinutes(2);

    private readonly AzuriteProcess _azurite;
    private readonly Process _process;

    private DevHostProcess(AzuriteProcess azurite, Process process, Uri hostUri, Uri sandboxUri)
    {
        _azurite = azurite;
        _process = process;
        Http = new HttpClient { BaseAddress = hostUri, Timeout = TimeSpan.FromMinutes(5) };
        SandboxHttp = new HttpClient { BaseAddress = sandboxUri, Timeout = TimeSpan.FromMinutes(5) };
    }

    public int ProcessId => _process.Id;

    /// <summary>The local host's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The sandbox running inside the host, with its control API under <c>/_sandbox</c>.</summary>
    public HttpClient SandboxHttp { get; }

    public static async Task<DevHostProcess> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync();
        try
        {
            var hostUri = new Uri($"http://127.0.0.1:{FreePort()}/");
            var sandboxUri = new Uri($"http://127.0.0.1:{FreePort()}/");
            var sandboxRoot = sandboxUri.AbsoluteUri.TrimEnd('/');
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = RepositoryRoot.Find(),
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WhatsAppMedia.DevHost.dll"));
            start.ArgumentList.Add($"--urls={hostUri.AbsoluteUri.TrimEnd('/')}");
            start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
            start.Environment["Sandbox__Enabled"] = "true";
            start.Environment["Sandbox__Url"] = sandboxRoot;
            foreach (var (key, value) in ProviderSandbox.ConfigurationValuesAt(sandboxUri))
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            // The sandbox's download URLs are on 127.0.0.1 over plain http: the one host the token may go to here.
            start.Environment["Providers__Meta__MediaDownloadHosts"] = "127.0.0.1";
            start.Environment["MediaDeletion__Queue"] = $"load{Guid.NewGuid():N}";
            start.Environment["Logging__LogLevel__Default"] = "Warning";

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");

            // Drained so a chatty host never blocks on a full pipe; shown only if it fails to start.
            var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.OutputDataReceived += (_, line) => Remember(output, line.Data);
            process.ErrorDataReceived += (_, line) => Remember(output, line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var host = new DevHostProcess(azurite, process, hostUri, sandboxUri);
            try
            {
                await host.WaitUntilAnsweringAsync(output);
                return host;
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Until the host answers <c>/api/health</c> and the sandbox its control API: polled, since the host is another process.</summary>
    private async Task WaitUntilAnsweringAsync(System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            }

            if (await AnswersAsync(Http, "/api/health") && await AnswersAsync(SandboxHttp, "/_sandbox/meta/media"))
            {
                return;
            }

            if (deadline.Elapsed > StartGuard)
            {
                throw new TimeoutException($"The local host did not answer within {StartGuard}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Remember(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200)
        {
            output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        SandboxHttp.Dispose();
        if (!_process.HasExited)
        {
            // Only this harness's own child, by its handle.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _azurite.DisposeAsync();
    }
}

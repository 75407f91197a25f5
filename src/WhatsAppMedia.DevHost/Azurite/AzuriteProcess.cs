// Longer than 250 lines: one child process: finding, starting, waiting for and killing it.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.DevHost.Azurite;

/// <summary>
/// A real Azurite (the repository's pinned npm package, <c>node_modules/.bin/azurite</c>) on loopback ports, in memory,
/// for tests and the local host: its queue service carries the work, its table service the batch state (docs/architecture.md).
/// Ready when Azurite prints that both listen; disposing kills its process tree. Its data dies with it.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly string _workingDirectory;

    private AzuriteProcess(Process process, string workingDirectory, Uri queueServiceUri, Uri tableServiceUri)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
    }

    /// <summary>The emulator account's queue endpoint, for example <c>http://127.0.0.1:41234/devstoreaccount1</c>.</summary>
    public Uri QueueServiceUri { get; }

    public int QueuePort => QueueServiceUri.Port;

    /// <summary>The emulator account's table endpoint, for example <c>http://127.0.0.1:41235/devstoreaccount1</c>.</summary>
    public Uri TableServiceUri { get; }

    public int TablePort => TableServiceUri.Port;

    /// <summary>
    /// The CPU time Azurite's process has used so far (all its threads). Azurite serves requests on one Node.js thread,
    /// so this is what bounds its throughput; the load harness charges it per request, which a busy machine distorts
    /// far less than wall time.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>A full connection string for this instance (queues and tables), with the emulator's well-known account and key.</summary>
    public string ConnectionString => DevelopmentStorage.ConnectionStringFor(QueueServiceUri, TableServiceUri);

    /// <summary>Starts Azurite and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed, or it did not start; the message says why.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        var root = options.RepositoryRoot ?? FindRepositoryRoot(AppContext.BaseDirectory);
        var executable = FindExecutable(root);
        var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in Arguments(options))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Completes with the endpoints Azurite reports (queue, then table), or with null when it exits first.
        var listening = new TaskCompletionSource<(Uri Queue, Uri Table)?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Uri? queueUri = null;
        Uri? tableUri = null;
        var gate = new object();
        var errors = new Queue<string>();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && ListeningLine().Match(line.Data) is { Success: true } match)
            {
                var uri = new Uri($"{match.Groups["origin"].Value}/{DevelopmentStorage.AccountName}", UriKind.Absolute);
                lock (gate)
                {
                    if (match.Groups["service"].Value == "Queue")
                    {
                        queueUri = uri;
                    }
                    else
                    {
                        tableUri = uri;
                    }

                    if (queueUri is not null && tableUri is not null)
                    {
                        listening.TrySetResult((queueUri, tableUri));
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.Enqueue(line.Data);
                if (errors.Count > KeptErrorLines)
                {
                    errors.Dequeue();
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetResult(null);

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            Directory.Delete(workingDirectory, recursive: true);
            throw new InvalidOperationException($"Could not start {executable}; Azurite needs Node.js on the PATH.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            var endpoints = await listening.Task.WaitAsync(timeout.Token);
            if (endpoints is null)
            {
                // Waiting for the exit also drains stderr, so the message below has Azurite's last words.
                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before it listened. {ErrorOutput(errors)}");
            }

            return new AzuriteProcess(process, workingDirectory, endpoints.Value.Queue, endpoints.Value.Table);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(process, workingDirectory);
            throw new InvalidOperationException($"Azurite did not report listening within {options.StartTimeout}. {ErrorOutput(errors)}");
        }
        catch
        {
            await StopAsync(process, workingDirectory);
            throw;
        }
    }

    /// <summary>The nearest directory at or above <paramref name="startDirectory"/> with a <c>package.json</c>.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public static string FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No package.json at or above {startDirectory}: Azurite is installed from the repository root's package.json.");
    }

    public ValueTask DisposeAsync() => StopAsync(_process, _workingDirectory);

    public override string ToString() => $"Azurite queue service at {QueueServiceUri}, table service at {TableServiceUri}";

    private static string FindExecutable(string root)
    {
        var name = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
        var executable = Path.Combine(root, "node_modules", ".bin", name);
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"Azurite is not installed: {executable} is missing. Run `npm ci` in {root} (scripts/test.sh does it).");
    }

    private static List<string> Arguments(AzuriteOptions options)
    {
        var arguments = new List<string>
        {
            "--queueHost", "127.0.0.1",
            "--queuePort", options.QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1",
            "--tablePort", options.TablePort.ToString(CultureInfo.InvariantCulture),

            // The all-in-one binary also serves blobs, which nothing here uses: a system-picked port keeps it out of the way.
            "--blobHost", "127.0.0.1",
            "--blobPort", "0",
            "--inMemoryPersistence",
            "--disableTelemetry",
            "--skipApiVersionCheck",
            "--loose",
            "--silent",
        };
        if (options.CertificatePath is not null || options.KeyPath is not null)
        {
            arguments.AddRange(["--cert", options.CertificatePath ?? string.Empty, "--key", options.KeyPath ?? string.Empty]);
        }

        if (options.BasicOAuth)
        {
            arguments.AddRange(["--oauth", "basic"]);
        }

        return arguments;
    }

    private static string ErrorOutput(Queue<string> errors)
    {
        lock (errors)
        {
            return errors.Count == 0 ? "It wrote nothing to stderr." : "Its stderr ended with: " + string.Join(" | ", errors);
        }
    }

    private static async ValueTask StopAsync(Process process, string workingDirectory)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already reaped: nothing left to stop.
        }
        finally
        {
            process.Dispose();
            TryDeleteDirectory(workingDirectory);
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing a test run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>"Azurite Queue service is successfully listening at http://127.0.0.1:41234" (and the same for Table).</summary>
    [GeneratedRegex(@"Azurite (?<service>Queue|Table) service (?:is )?successfully (?:listens on|listening at) (?<origin>https?://[^\s/]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}

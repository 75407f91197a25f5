using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.DevHost.Azurite;

/// <summary>
/// A real Azurite queue service (the repository's pinned npm package, <c>node_modules/.bin/azurite-queue</c>) on a
/// loopback port, in memory, for tests and the local host. Ready when Azurite prints that it listens; disposing kills
/// its process tree. Its data dies with it.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly string _workingDirectory;

    private AzuriteProcess(Process process, string workingDirectory, Uri queueServiceUri)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        QueueServiceUri = queueServiceUri;
    }

    /// <summary>The emulator account's queue endpoint, for example <c>http://127.0.0.1:41234/devstoreaccount1</c>.</summary>
    public Uri QueueServiceUri { get; }

    public int QueuePort => QueueServiceUri.Port;

    /// <summary>A full connection string for this instance, with the emulator's well-known account and key.</summary>
    public string ConnectionString => DevelopmentStorage.ConnectionStringFor(QueueServiceUri);

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

        // Completes with the endpoint Azurite reports, or with null when it exits first.
        var listening = new TaskCompletionSource<Uri?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new Queue<string>();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri($"{match.Groups["origin"].Value}/{DevelopmentStorage.AccountName}", UriKind.Absolute));
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
            var queueServiceUri = await listening.Task.WaitAsync(timeout.Token);
            if (queueServiceUri is null)
            {
                // Waiting for the exit also drains stderr, so the message below has Azurite's last words.
                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before it listened. {ErrorOutput(errors)}");
            }

            return new AzuriteProcess(process, workingDirectory, queueServiceUri);
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

    public override string ToString() => $"Azurite queue service at {QueueServiceUri}";

    private static string FindExecutable(string root)
    {
        var name = OperatingSystem.IsWindows() ? "azurite-queue.cmd" : "azurite-queue";
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

    /// <summary>"Azurite Queue service successfully listens on http://127.0.0.1:41234".</summary>
    [GeneratedRegex(@"successfully listens on (?<origin>https?://[^\s/]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}

using System.Diagnostics;
using System.Text;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The built worker as the Functions host starts it: <c>dotnet WhatsAppMedia.Functions.dll</c> in the app directory,
/// with the host's arguments and environment. Keeps what the worker printed, for failures and start-up checks.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Completes with the exit code when the process has exited and its output has been read to the end.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Everything the worker wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="arguments">The worker's command-line arguments after the assembly path.</param>
    /// <param name="environment">Environment variables on top of this process's own (app settings, host variables).</param>
    public static WorkerProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = FunctionsApp.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(FunctionsApp.PathTo(FunctionsApp.WorkerAssembly));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        var streamsOpen = 2;
        void Append(string? line)
        {
            lock (worker._output)
            {
                if (line is null)
                {
                    if (--streamsOpen == 0)
                    {
                        // Both streams can close a moment before the process counts as exited.
                        _ = process.WaitForExitAsync().ContinueWith(_ => worker._exited.TrySetResult(process.ExitCode), TaskScheduler.Default);
                    }

                    return;
                }

                worker._output.AppendLine(line);
            }
        }

        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Stops the worker: it has <paramref name="grace"/> to exit by itself (after WorkerTerminate), then it is killed.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero);
        _process.Dispose();
    }
}

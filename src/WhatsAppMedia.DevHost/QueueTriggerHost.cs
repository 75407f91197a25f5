// Longer than 250 lines: the WebJobs host around the queue trigger, with its start, restart and shutdown rules, which depend on each other.
using Azure;
using Azure.Storage.Queues;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Queues;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// Runs <see cref="MediaDeletionTrigger"/> on the WebJobs Storage Queues extension — the engine the Functions host loads
/// for <c>queueTrigger</c> — in a WebJobs host of its own, with <c>QueuesOptions</c> bound from the root host.json's
/// <c>extensions.queues</c> (and <c>AzureFunctionsJobHost__extensions__queues__*</c> overrides).
/// </summary>
/// <remarks>
/// <para>
/// When the engine fails outside a delivery (storage unreachable: its listener only backs off on 5xx and rethrows
/// anything else, ending its polling loop), the Functions host restarts itself; this restarts the engine the same way,
/// after <c>maxPollingInterval</c>.
/// </para>
/// <para>
/// Stopping drains: the engine's drain mode stops taking messages and lets in-flight deliveries finish (without it the
/// engine cancels them at once). When the host's shutdown deadline passes first, <see cref="QueueTriggerShutdown"/>
/// cancels them and <see cref="ProgressQueueProcessor"/> makes their messages visible again at once.
/// </para>
/// <para>
/// The stop itself ends by the deadline plus <see cref="HandBackGrace"/>, whatever storage or a restart does: the host
/// waits for every hosted service's StopAsync regardless of the token it passed, so one wait that ignored the token
/// (a restart after <c>maxPollingInterval</c>, hand-backs to a storage account that answers slowly) made the whole
/// local host overrun its 30 s deadline.
/// </para>
/// </remarks>
internal sealed partial class QueueTriggerHost(
    IConfiguration configuration,
    QueueHostSettings settings,
    IOptions<MediaDeletionOptions> options,
    IServiceProvider services,
    QueueTriggerProgress progress,
    QueueTriggerShutdown shutdown,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ILogger<QueueTriggerHost> logger) : IHostedService, IDisposable
{
    /// <summary>
    /// How long past the shutdown deadline the abandoned deliveries get to hand their messages back (one Update Message
    /// each) and the engine to stop. A message not handed back by then is not lost: its lease runs out and it shows again.
    /// </summary>
    internal static readonly TimeSpan HandBackGrace = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private IHost? _engine;
    private Task _restarting = Task.CompletedTask;
    private bool _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The service's own client (deferrals, -failed) comes from the same setting: a bad one fails start-up, named.
        var queues = services.GetRequiredService<QueueServiceClient>();
        try
        {
            // The engine waits for the work queue to exist; creating it lets a producer put messages on a fresh
            // Azurite at once (the README's az storage message put).
            await queues.GetQueueClient(options.Value.Queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException)
        {
            // Storage is not there yet: the engine fails, restarts and finds it once it is.
            LogCreateFailed(exception);
        }

        var engine = BuildEngine();
        lock (_gate)
        {
            _engine = engine;
        }

        await engine.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task restarting;
        lock (_gate)
        {
            _stopping = true;
            restarting = _restarting;
        }

        // Past the deadline a restart is left to end by itself: it sees _stopping and stops what it built, and the
        // deliveries of an engine it may have started are abandoned like any other.
        if (!await CompletesAsync(restarting, cancellationToken))
        {
            shutdown.Abandon();
            LogRestartNotWaitedFor();
            return;
        }

        var engine = _engine;
        if (engine is null)
        {
            return;
        }

        // Drain mode first, even when the deadline has already passed: it cancels the listener's polling at once. Were
        // in-flight deliveries abandoned before, the listener would see room for a new batch and fetch it; drain mode
        // then cancels that fetch, but storage has already hidden its messages for the listener's 10-minute lease.
        var draining = engine.Services.GetRequiredService<IDrainModeManager>().EnableDrainModeAsync(CancellationToken.None);
        LogDraining();
        progress.OnDraining();

        // Every wait from here ends by the host's shutdown deadline (its token) plus HandBackGrace: the host waits for
        // each hosted service's StopAsync whatever its token says, so one wait that ignored it would stretch the stop.
        using var giveUp = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        await using (cancellationToken.Register(() =>
        {
            shutdown.Abandon();
            giveUp.CancelAfter(HandBackGrace);
        }))
        {
            if (!await CompletesAsync(draining, giveUp.Token) || !await CompletesAsync(engine.StopAsync(giveUp.Token), giveUp.Token))
            {
                LogStoppedWithoutHandBack(HandBackGrace);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="task"/> completed before <paramref name="cancellationToken"/> fired (then stops waiting
    /// for it, without cancelling it). An exception of the task itself propagates, as it did when it was awaited.
    /// </summary>
    private static async Task<bool> CompletesAsync(Task task, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _engine?.Dispose();
    }

    /// <summary>Called by the engine's exception handler, on the failing listener's own thread: must not wait for it.</summary>
    internal void OnEngineFailed(Exception exception)
    {
        lock (_gate)
        {
            if (_stopping || !_restarting.IsCompleted)
            {
                return;
            }

            LogEngineFailed(exception, settings.MaxPollingInterval());
            _restarting = Task.Run(RestartAsync);
        }
    }

    /// <summary>Stops the failed engine and starts a new one after <c>maxPollingInterval</c>, again until one starts.</summary>
    private async Task RestartAsync()
    {
        var failed = _engine;
        while (true)
        {
            if (failed is not null)
            {
                try
                {
                    await failed.StopAsync(CancellationToken.None);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    LogStopFailed(exception);
                }

                failed.Dispose();
            }

            await Task.Delay(settings.MaxPollingInterval(), timeProvider);
            var engine = BuildEngine();
            lock (_gate)
            {
                if (_stopping)
                {
                    engine.Dispose();
                    _engine = null;
                    return;
                }

                _engine = engine;
            }

            try
            {
                await engine.StartAsync(CancellationToken.None);
                progress.OnEngineRestarted();
                if (Volatile.Read(ref _stopping))
                {
                    // The host stopped while this engine started and did not wait for it: it must not outlive the host.
                    await engine.StopAsync(CancellationToken.None);
                }

                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogEngineFailed(exception, settings.MaxPollingInterval());
                failed = engine;
            }
        }
    }

    private IHost BuildEngine() => new HostBuilder()
        .ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues())
        .ConfigureAppConfiguration(engineConfiguration =>
        {
            // After ConfigureWebJobs' own sources, so the local host's settings (command line included) win, and with
            // the effective queue name, which %MediaDeletion:Queue% resolves even when only its default applies.
            engineConfiguration.AddConfiguration(configuration);
            engineConfiguration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("MediaDeletion:Queue", options.Value.Queue)]);
        })
        .ConfigureServices(engineServices =>
        {
            engineServices.AddSingleton(loggerFactory);
            engineServices.AddSingleton<IHostLifetime, EngineLifetime>();
            engineServices.Configure<QueuesOptions>(queues =>
            {
                settings.Queues.Bind(queues);

                // The encoding is decided once (QueueHostSettings), for the engine and the service's own client alike.
                queues.MessageEncoding = settings.MessageEncoding;
            });
            engineServices.AddSingleton<IQueueProcessorFactory>(new ProgressQueueProcessorFactory(progress, shutdown));
            engineServices.AddSingleton<ITypeLocator>(new TriggerTypeLocator());
            engineServices.AddSingleton<IJobActivator>(new TriggerActivator(services.GetRequiredService<IServiceScopeFactory>(), shutdown));
            engineServices.AddSingleton<IWebJobsExceptionHandlerFactory>(new RestartingExceptionHandlerFactory(this));
        })
        .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue trigger: draining; no new messages are taken, those in flight finish or are handed back at the shutdown deadline.")]
    private partial void LogDraining();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue trigger: the shutdown deadline passed while the engine was restarting; not waiting for the restart.")]
    private partial void LogRestartNotWaitedFor();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue trigger: stopped {Grace} past the shutdown deadline with deliveries still being handed back; their messages show again when their lease runs out.")]
    private partial void LogStoppedWithoutHandBack(TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue trigger: the engine failed; restarting it in {Delay}, as the Functions host restarts.")]
    private partial void LogEngineFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue trigger: could not create the work queue at start; storage may be unreachable.")]
    private partial void LogCreateFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue trigger: the failed engine did not stop cleanly.")]
    private partial void LogStopFailed(Exception exception);

    /// <summary>The engine lives and dies with the local host; it must not react to Ctrl+C on its own.</summary>
    private sealed class EngineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

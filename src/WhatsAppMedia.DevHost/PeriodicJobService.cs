using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The local host's stand-in for one of the Functions app's timers: runs a job at start and then every period on the
/// host's <see cref="TimeProvider"/>, each run in a scope of its own. A failed run is logged; the next period tries again,
/// as the Functions timer would.
/// </summary>
/// <param name="runAtStart">Whether the first run is at start or after the first period (a job that need not run at start).</param>
/// <param name="name">The job's name in the log (the Functions app's function name).</param>
/// <param name="run">One run of the job, given the run's services.</param>
internal sealed partial class PeriodicJobService(
    string name, TimeSpan period, bool runAtStart, Func<IServiceProvider, CancellationToken, Task> run, IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<PeriodicJobService> logger)
    : BackgroundService
{
    /// <summary>Registers a job of type <typeparamref name="TJob"/> to run every <paramref name="period"/>.</summary>
    public static void Add<TJob>(IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> period, Func<TJob, CancellationToken, Task> run, bool runAtStart = true)
        where TJob : notnull =>
        // Not AddHostedService: it registers one service per implementation type, and each job is one of these.
        services.AddSingleton<IHostedService>(provider => new PeriodicJobService(
            name,
            period(provider),
            runAtStart,
            (services, token) => run(services.GetRequiredService<TJob>(), token),
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PeriodicJobService>>()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        if (!runAtStart && !await WaitAsync(timer, stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await run(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage may be down for a while; the next period tries again.
                LogFailed(exception, name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; it runs again at the next period.")]
    private partial void LogFailed(Exception exception, string job);
}

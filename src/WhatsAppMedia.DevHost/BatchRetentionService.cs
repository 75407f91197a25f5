using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Batches;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The local host's stand-in for the Functions app's retention timer: runs <see cref="BatchRetentionJob"/> at start and
/// then every <see cref="BatchRetentionJob.Period"/> on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class BatchRetentionService(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<BatchRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(BatchRetentionJob.Period, timeProvider);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BatchRetentionJob>().RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage may be down for a while; the next period tries again, as the Functions timer would.
                LogFailed(exception);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch retention failed; it runs again at the next period.")]
    private partial void LogFailed(Exception exception);
}

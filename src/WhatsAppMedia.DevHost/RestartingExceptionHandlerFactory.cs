using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The engine reports failures outside a delivery here (WebJobs TaskSeriesTimer: "report any unhandled exception");
/// the default handler would crash the process, the Functions host restarts; this restarts the engine.
/// </summary>
internal sealed class RestartingExceptionHandlerFactory(QueueTriggerHost host) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new Handler(host);

    private sealed class Handler(QueueTriggerHost host) : IWebJobsExceptionHandler
    {
        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
        {
            ArgumentNullException.ThrowIfNull(exceptionInfo);
            host.OnEngineFailed(exceptionInfo.SourceException);
            return Task.CompletedTask;
        }

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            ArgumentNullException.ThrowIfNull(exceptionInfo);
            host.OnEngineFailed(exceptionInfo.SourceException);
            return Task.CompletedTask;
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Scheduling;

namespace WhatsAppMedia.DevHost;

public static class DevHostServiceCollectionExtensions
{
    /// <summary>
    /// What only the local host has: Azurite and the sandbox on demand, the queue trigger, and the stand-ins for the
    /// Functions app's timers (batch retention, the schedule sweep, receipt digests and retention). Started in this order.
    /// </summary>
    public static IServiceCollection AddDevHostServices(this IServiceCollection services)
    {
        services.AddSingleton<QueueTriggerProgress>();
        services.AddSingleton<QueueTriggerShutdown>();
        services.AddHostedService<AzuriteStarter>();
        services.AddHostedService<SandboxStarter>();
        services.AddHostedService<QueueTriggerHost>();
        PeriodicJobService.Add<BatchRetentionJob>(services, "RemoveExpiredBatches", _ => BatchRetentionJob.Period, (job, token) => job.RunAsync(token));
        // Not at start: a head is worth signing once it has receipts, and retention has months to run.
        PeriodicJobService.Add<ReceiptDigestJob>(services, "SignReceiptDigests", _ => ReceiptDigestJob.Period, (job, token) => job.RunAsync(token), runAtStart: false);
        PeriodicJobService.Add<ReceiptRetentionJob>(services, "RemoveExpiredReceipts", _ => ReceiptRetentionJob.Period, (job, token) => job.RunAsync(token), runAtStart: false);
        PeriodicJobService.Add<ScheduleSweepJob>(services, "SweepScheduledDeletions", provider => provider.GetRequiredService<ScheduleSweepJob>().Period, (job, token) => job.RunAsync(token));
        return services;
    }

    /// <summary>
    /// ASP.NET Core's error answers (exception handler, status code pages) written by <see cref="ContractProblemDetailsWriter"/>,
    /// with <see cref="ProblemExceptionHandler"/> deciding status and log level. The writer is registered before
    /// <c>AddProblemDetails</c> adds the default one, so it is the one chosen.
    /// </summary>
    public static IServiceCollection AddContractProblems(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ContractProblemDetailsWriter>());
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}

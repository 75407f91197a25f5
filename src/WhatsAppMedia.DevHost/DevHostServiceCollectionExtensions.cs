using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.DevHost;

public static class DevHostServiceCollectionExtensions
{
    /// <summary>What only the local host has: Azurite and the sandbox on demand, the queue trigger and the batch retention timer. Started in this order.</summary>
    public static IServiceCollection AddDevHostServices(this IServiceCollection services)
    {
        services.AddSingleton<QueueTriggerProgress>();
        services.AddSingleton<QueueTriggerShutdown>();
        services.AddHostedService<AzuriteStarter>();
        services.AddHostedService<SandboxStarter>();
        services.AddHostedService<QueueTriggerHost>();
        services.AddHostedService<BatchRetentionService>();
        return services;
    }
}

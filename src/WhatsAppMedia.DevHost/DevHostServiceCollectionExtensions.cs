using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.DevHost;

public static class DevHostServiceCollectionExtensions
{
    /// <summary>What only the local host has: Azurite and the sandbox on demand, and the queue listener. Started in this order.</summary>
    public static IServiceCollection AddDevHostServices(this IServiceCollection services)
    {
        services.AddSingleton<QueueListenerProgress>();
        services.AddHostedService<AzuriteStarter>();
        services.AddHostedService<SandboxStarter>();
        services.AddHostedService<QueueListener>();
        return services;
    }
}

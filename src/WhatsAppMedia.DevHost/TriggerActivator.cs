using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;

namespace WhatsAppMedia.DevHost;

/// <summary>Builds the trigger class from the local host's services (the engine has its own container).</summary>
internal sealed class TriggerActivator(IServiceScopeFactory scopes, QueueTriggerShutdown shutdown) : IJobActivator
{
    public T CreateInstance<T>()
    {
        if (typeof(T) != typeof(MediaDeletionTrigger))
        {
            throw new InvalidOperationException($"The queue trigger host only runs {nameof(MediaDeletionTrigger)}, not {typeof(T).Name}.");
        }

        return (T)(object)new MediaDeletionTrigger(scopes, shutdown);
    }
}

using Microsoft.Azure.WebJobs;

namespace WhatsAppMedia.DevHost;

/// <summary>The engine indexes exactly the trigger class, not every type in every loaded assembly.</summary>
internal sealed class TriggerTypeLocator : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(MediaDeletionTrigger)];
}

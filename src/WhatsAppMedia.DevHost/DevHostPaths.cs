namespace WhatsAppMedia.DevHost;

internal static class DevHostPaths
{
    /// <summary>The configuration key under which the local host keeps the repository root it runs from.</summary>
    public const string RepositoryRootKey = "DevHost:RepositoryRoot";
}

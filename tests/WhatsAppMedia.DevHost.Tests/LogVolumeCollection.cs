namespace WhatsAppMedia.DevHost.Tests;

/// <summary>Tests that count a host's log lines, run with no other test at the same time (see LocalHostLogVolumeTests).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogVolumeCollection
{
    public const string Name = "log volume";
}

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>A local host whose provider calls give up after one second, so a hanging provider shows as a timeout quickly.</summary>
public sealed class ShortAttemptTimeoutFixture : LocalHostFixture
{
    protected override IEnumerable<string> HostOverrides => ["--Providers:Retry:AttemptTimeout=00:00:01"];
}

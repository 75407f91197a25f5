namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A local host whose provider calls give up after three seconds (one attempt only, <see cref="LocalHost"/>), so a
/// hanging provider, or a download stalled mid-file (whose idle timeout is the same setting), shows as a timeout
/// within the test. Three seconds, not one: with every test assembly running at once on two shared cores, an answer
/// that is merely slow took over a second, and a 504 for it left the sandbox's queued faults to the next tests.
/// </summary>
public sealed class ShortAttemptTimeoutFixture : LocalHostFixture
{
    protected override IEnumerable<string> HostOverrides => ["--Providers:Retry:AttemptTimeout=00:00:03"];
}

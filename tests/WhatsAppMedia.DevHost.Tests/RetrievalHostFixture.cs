namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A local host whose provider calls give up after three seconds: long enough that a metadata call on a busy machine
/// is not mistaken for a timeout (one attempt only, <see cref="LocalHost"/>), short enough that a download stalled
/// mid-file (whose idle timeout is the same setting) is aborted within the test.
/// </summary>
public sealed class RetrievalHostFixture : LocalHostFixture
{
    protected override IEnumerable<string> HostOverrides => ["--Providers:Retry:AttemptTimeout=00:00:03"];
}

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// Counts what a client actually sends, wherever it goes. The sandbox records only requests under a provider's
/// prefix, so a request whose path escaped the prefix (<c>../</c>) would not show up there; this catches it.
/// </summary>
public sealed class RequestCountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}

using System.Net;
using System.Text;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// The one HTTP handler tests put under a client to see what it actually sends, wherever it goes. It keeps every request
/// and either forwards it over real sockets (<see cref="Forwarding"/>: the sandbox records only requests under a
/// provider's prefix, so a request whose path escaped the prefix (<c>../</c>) would not show up there; this catches it)
/// or answers it itself (<see cref="Answering"/>: only for endpoints tests cannot reach, such as AWS's default one, and
/// answers no sandbox gives on purpose, such as a provider echoing a credential back).
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage>? _answer;
    private readonly List<HttpRequestMessage> _requests = [];
    private readonly Lock _lock = new();

    private RecordingHandler(HttpMessageHandler? inner, Func<HttpRequestMessage, HttpResponseMessage>? answer)
    {
        if (inner is not null)
        {
            InnerHandler = inner;
        }

        _answer = answer;
    }

    /// <summary>The requests sent so far, in order (a snapshot; requests may run concurrently).</summary>
    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Records each request and sends it on over real sockets.</summary>
    public static RecordingHandler Forwarding() => new(new SocketsHttpHandler(), answer: null);

    /// <summary>Records each request and answers every one with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static RecordingHandler Answering(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(inner: null, request => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }

        return _answer is null ? base.SendAsync(request, cancellationToken) : Task.FromResult(_answer(request));
    }
}

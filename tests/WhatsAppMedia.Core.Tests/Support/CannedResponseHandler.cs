using System.Net;
using System.Text;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// Answers every request with one fixed response and keeps the requests. Only for answers no sandbox gives on purpose
/// (a provider echoing a credential back); everything else runs over real HTTP against the sandbox.
/// </summary>
public sealed class CannedResponseHandler(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request });
    }
}

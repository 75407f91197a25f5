using System.Net;
using System.Net.Http.Headers;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// Answers every request with <paramref name="status"/> and a body that never ends (<see cref="EndlessStream"/>):
/// the answer no sandbox can give, from a broken or hostile provider. <see cref="Body"/> tells how much was read.
/// </summary>
public sealed class EndlessBodyHandler(HttpStatusCode status, string prefix) : HttpMessageHandler
{
    public EndlessStream Body { get; } = new(prefix);

    public int RequestCount { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestCount++;
        var response = new HttpResponseMessage(status) { Content = new StreamContent(Body), RequestMessage = request };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(response);
    }
}

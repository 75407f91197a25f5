using System.Net;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>
/// Stands in for AWS's real endpoint, which tests cannot reach: records each request and answers
/// <c>{"success":true}</c>. Used only where the request must go to the default endpoint or must provably not be sent.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"success":true}""") });
    }
}

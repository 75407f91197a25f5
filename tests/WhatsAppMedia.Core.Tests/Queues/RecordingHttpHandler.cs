using System.Net;
using System.Text;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>
/// Answers every request with a fixed queue-service answer and keeps what was sent, for checking the exact wire
/// format and for proving that a refused call sent nothing. Tests that need the service's behaviour use Azurite.
/// </summary>
internal sealed class RecordingHttpHandler(HttpStatusCode status = HttpStatusCode.OK, string body = "", IReadOnlyDictionary<string, string>? headers = null)
    : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/xml"),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return Task.FromResult(response);
    }
}

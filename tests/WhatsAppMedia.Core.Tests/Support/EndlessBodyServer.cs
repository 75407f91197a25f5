using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Testing.Hosting;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port that answers every request with HTTP 500 and an HTML page that never
/// ends, streamed until the client goes away: what a broken provider's front proxy can do, which the sandbox cannot.
/// </summary>
public sealed class EndlessBodyServer : IAsyncDisposable
{
    private static readonly byte[] Filler = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>still going</p>\n", 400)));

    private readonly WebApplication _app;
    private int _requestCount;

    private EndlessBodyServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public static async Task<EndlessBodyServer> StartAsync()
    {
        var app = LoopbackWebApplication.CreateBuilder().Build();
        var server = new EndlessBodyServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.BaseUrl = app.BaseAddress();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync("<html><head><title>500 Internal Server Error</title></head><body>\n", context.RequestAborted);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(Filler, context.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client stopped reading and dropped the connection: exactly what is expected of it.
        }
    }
}

using System.Buffers;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// Streams a media file as a provider's download answer, once the imitation has decided the request may have it:
/// status 200, <c>Content-Type</c> and <c>Content-Length</c>, then the bytes a buffer at a time, cut short by a
/// <see cref="SandboxFaultKind.TruncateDownload"/> or <see cref="SandboxFaultKind.StallDownload"/> fault. Counts what
/// became of it in the provider's state, so tests can see a client's cancellation arrive
/// (<see cref="SandboxProviderState.DownloadsCancelled"/>).
/// </summary>
internal static class SandboxDownload
{
    /// <summary>The copy buffer: the only memory a download of any size holds.</summary>
    private const int BufferSize = 64 * 1024;

    public static async Task StreamAsync(HttpContext context, SandboxProviderState state, SandboxMediaContent content, TimeProvider timeProvider)
    {
        var fault = context.Features.Get<SandboxFault>();
        var aborted = context.RequestAborted;
        var cut = fault?.Kind is SandboxFaultKind.TruncateDownload or SandboxFaultKind.StallDownload;

        // A cut file always stops short of its last byte, whatever the fault asked for, so the client sees it incomplete.
        var bytesToSend = cut ? Math.Clamp(fault!.AfterBytes ?? content.Length / 2, 0, Math.Max(0, content.Length - 1)) : content.Length;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = content.MimeType;
        context.Response.ContentLength = content.Length;
        state.DownloadStarted();

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var source = content.OpenRead();
            var remaining = bytesToSend;
            while (remaining > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), aborted);
                // After the client has gone, Kestrel discards writes instead of failing them and signals RequestAborted
                // only later (from the thread pool), but at once answers every write "completed" (dotnet/aspnetcore,
                // Http1OutputProducer: a completed pipe writer gives FlushResult(isCanceled: false, isCompleted: true)).
                var written = await context.Response.BodyWriter.WriteAsync(buffer.AsMemory(0, read), aborted);
                if (written.IsCompleted)
                {
                    state.DownloadCancelled();
                    return;
                }

                remaining -= read;
            }

            if (!cut)
            {
                // The last write can be discarded before the client's leaving is known to the writer; the token may know.
                if (aborted.IsCancellationRequested)
                {
                    state.DownloadCancelled();
                }
                else
                {
                    state.DownloadCompleted();
                }

                return;
            }

            await context.Response.Body.FlushAsync(aborted);
            if (fault!.Kind == SandboxFaultKind.TruncateDownload)
            {
                // Ending short of the Content-Length is an application error after the response started, on which
                // Kestrel "simply close[s] the connection" once what was written is sent (dotnet/aspnetcore,
                // Kestrel/Core/src/Internal/Http/HttpProtocol.cs, ProduceEnd); HttpContext.Abort would drop bytes
                // still buffered. The client sees the file end early.
                return;
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, aborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Either the aborted token (the only token here) or a reset connection: the client left. Not filtered on
            // the token, which Kestrel may signal only after the failed write has thrown.
            state.DownloadCancelled();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

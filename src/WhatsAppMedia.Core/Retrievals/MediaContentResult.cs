using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Core.Retrievals;

/// <summary>
/// Streams an open provider download to the caller (<c>/content</c>, docs/providers/meta.md): <c>Content-Type</c> the checked
/// MIME type, <c>Content-Length</c> the declared size, <c>ETag</c> the quoted SHA-256 hex, and the bytes as they
/// arrive, through two pooled buffers, so memory does not grow with the file. The SHA-256 is computed while copying
/// and the last chunk read is held back until the provider's body has ended: only when the length and the hash are
/// right is it written; otherwise the response is aborted (<see cref="HttpContext.Abort"/>: the connection is reset)
/// before its last byte, so no caller ever holds a complete response whose bytes differ from what the provider
/// declared. The same happens when the provider stops mid-file, sends more than it declared, or stalls for longer than
/// the idle timeout. When such a failure comes before any byte was written (a file that fits in one chunk, or a
/// provider that stalls or breaks off at once), nothing has reached the caller yet, so it gets the contract's problem
/// answer instead of a reset: 504 <c>provider_timeout</c> for a stall, 503 <c>provider_unavailable</c> for a broken
/// or short body, 502 <c>provider_rejected</c> for a body longer than declared or a SHA-256 mismatch. The caller going
/// away (<see cref="HttpContext.RequestAborted"/>) cancels the read from the provider, and disposing the provider's
/// response closes that connection.
/// </summary>
/// <remarks>
/// An <see cref="IResult"/> so that both hosts run it as they run every other answer: the local host's minimal API
/// executes it on Kestrel, and the Functions worker's ASP.NET Core integration executes it on the worker's own
/// HttpContext, whose <c>Abort</c> resets the connection the host forwards.
/// </remarks>
internal sealed partial class MediaContentResult(OpenMediaDownload download, string tenantId, string mediaId, string requestId) : IResult
{
    /// <summary>The size of each of the two copy buffers: large enough for throughput, small enough to keep memory flat.</summary>
    public const int ChunkBytes = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var owned = download;
        var logger = httpContext.RequestServices.GetRequiredService<ILogger<MediaContentResult>>();
        var timeProvider = httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = download.ContentType;
        response.ContentLength = download.Length;
        if (download.Sha256 is { } sha256)
        {
            response.Headers.ETag = $"\"{sha256}\"";
        }

        // The bytes are the provider's, under the provider's type: a browser must not guess another.
        response.Headers.XContentTypeOptions = "nosniff";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var callerGone = httpContext.RequestAborted;
        DownloadFailure? failure;
        try
        {
            await using var source = await download.Response.Content.ReadAsStreamAsync(callerGone);
            failure = await CopyVerifiedAsync(source, response.Body, timeProvider, callerGone);
        }
        catch (OperationCanceledException) when (callerGone.IsCancellationRequested)
        {
            LogCallerLeft(logger, tenantId, mediaId);
            return;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // Either side's connection broke: the provider stopped mid-file, or the caller's write failed.
            if (callerGone.IsCancellationRequested)
            {
                LogCallerLeft(logger, tenantId, mediaId);
                return;
            }

            failure = new(ErrorCodes.ProviderUnavailable, "the provider's connection broke off mid-file");
        }

        if (failure is null)
        {
            return;
        }

        if (response.HasStarted)
        {
            LogAborted(logger, tenantId, mediaId, failure.Reason);
            httpContext.Abort();
            return;
        }

        // Nothing was sent: the status line and headers set above can still be replaced by the problem answer.
        LogAnswered(logger, tenantId, mediaId, failure.Reason, failure.Status);
        response.Headers.ETag = default;
        response.ContentLength = null;
        await ProblemResults.Create(failure.Code, $"The download from the provider failed before any byte was sent: {failure.Reason}.", requestId)
            .ExecuteAsync(httpContext);
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/>, holding back the last chunk read until the
    /// body has ended and checks out. Null when every byte was written; otherwise why the copy stopped, with the last
    /// chunk (at least) unwritten.
    /// </summary>
    private async Task<DownloadFailure?> CopyVerifiedAsync(Stream source, Stream destination, TimeProvider timeProvider, CancellationToken callerGone)
    {
        var limit = download.Length ?? download.MaxBytes;
        var held = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var reading = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(callerGone, stall.Token);
        try
        {
            var heldCount = 0;
            long total = 0;
            var ended = false;
            while (!ended)
            {
                // A chunk is a full buffer (all but the body's last), however the provider's bytes arrive: a file of one
                // chunk is then never partly written, and a failure on it can still be answered as a problem.
                var filled = 0;
                while (filled < ChunkBytes)
                {
                    int read;
                    stall.CancelAfter(download.IdleTimeout);
                    try
                    {
                        read = await source.ReadAsync(reading.AsMemory(filled, ChunkBytes - filled), readCancellation.Token);
                    }
                    catch (OperationCanceledException) when (stall.IsCancellationRequested && !callerGone.IsCancellationRequested)
                    {
                        return new(ErrorCodes.ProviderTimeout, $"the provider sent nothing for {download.IdleTimeout.TotalMilliseconds:0} ms");
                    }

                    stall.CancelAfter(Timeout.InfiniteTimeSpan);
                    if (read == 0)
                    {
                        ended = true;
                        break;
                    }

                    filled += read;
                    total += read;
                    if (total > limit)
                    {
                        return new(
                            ErrorCodes.ProviderRejected,
                            download.Length is null
                                ? $"the provider sent more than {limit} bytes (Providers:Meta:MaxDownloadBytes)"
                                : $"the provider sent more than the {limit} bytes it declared");
                    }
                }

                if (filled == 0)
                {
                    break;
                }

                hash.AppendData(reading, 0, filled);
                if (heldCount > 0)
                {
                    await destination.WriteAsync(held.AsMemory(0, heldCount), callerGone);
                }

                (held, reading) = (reading, held);
                heldCount = filled;
            }

            if (download.Length is { } length && total != length)
            {
                return new(ErrorCodes.ProviderUnavailable, $"the provider's body ended after {total} of the {length} bytes it declared");
            }

            if (download.Sha256 is { } expected && !Matches(hash, expected))
            {
                return new(ErrorCodes.ProviderRejected, "the bytes' SHA-256 differs from the one the provider declared");
            }

            if (heldCount > 0)
            {
                await destination.WriteAsync(held.AsMemory(0, heldCount), callerGone);
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(held);
            ArrayPool<byte>.Shared.Return(reading);
        }
    }

    private static bool Matches(IncrementalHash hash, string expectedHex)
    {
        Span<byte> actual = stackalloc byte[32];
        hash.GetHashAndReset(actual);
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromHexString(expectedHex));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} media {MediaId}: the download was aborted before its last byte because {Reason}.")]
    private static partial void LogAborted(ILogger logger, string tenantId, string mediaId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} media {MediaId}: the download failed before any byte was sent because {Reason}; answered {Status}.")]
    private static partial void LogAnswered(ILogger logger, string tenantId, string mediaId, string reason, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {TenantId} media {MediaId}: the caller went away mid-download; the provider download was cancelled.")]
    private static partial void LogCallerLeft(ILogger logger, string tenantId, string mediaId);

    /// <summary>Why a download stopped, and the problem answer it gets when no byte has reached the caller yet.</summary>
    private sealed record DownloadFailure(string Code, string Reason)
    {
        public int Status => ErrorTable.For(Code).Status!.Value;
    }
}

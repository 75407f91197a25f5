using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// What an exception that escaped a handler means for the answer (docs/api.md, "Conventions"), decided once for both hosts (the local
/// host's exception handler, the Functions worker's middleware), and logged as what it is:
/// <list type="bullet">
/// <item>a request the server refused while reading it (<see cref="BadHttpRequestException"/>: the body arrived too
/// slowly for <c>MinRequestBodyDataRate</c> — 408 —, was too large, or was not valid HTTP) is the caller's doing:
/// answered with its own status and logged at information level, without a stack trace;</item>
/// <item>a request the caller abandoned is not answered (no one is listening) and logged at debug level;</item>
/// <item>anything else is a fault of ours: 500 <c>internal_error</c> with no details, logged at error level.</item>
/// </list>
/// </summary>
public static partial class RequestFaults
{
    /// <summary>The status to answer <paramref name="exception"/> with, or null when the caller went away; logs it.</summary>
    public static int? Classify(HttpContext context, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(logger);
        var requestId = RequestIds.Settle(context);
        switch (exception)
        {
            case BadHttpRequestException refused:
                LogRefused(logger, context.Request.Method, context.Request.Path, refused.StatusCode, refused.Message, requestId);
                return refused.StatusCode;
            case OperationCanceledException or IOException when context.RequestAborted.IsCancellationRequested:
                LogAbandoned(logger, context.Request.Method, context.Request.Path, requestId);
                return null;
            default:
                LogUnexpected(logger, exception, context.Request.Method, context.Request.Path, requestId);
                return StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>
    /// The contract's answer to <paramref name="exception"/> for a host that writes it itself (the Functions worker): the
    /// response so far is cleared (headers a handler set before it failed, such as <c>Retry-After</c>, do not belong to
    /// the error), then the problem+json of <see cref="FrameworkProblems"/> with the request id. Null when the caller
    /// went away; then nothing needs writing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The response has already started; it cannot be replaced.</exception>
    public static IResult? Answer(HttpContext context, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Classify(context, exception, logger) is not { } status)
        {
            return null;
        }

        context.Response.Clear();
        return FrameworkProblems.Answer(context, status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status} while reading the request: {Reason}; request {RequestId}.")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, int status, string reason, string requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path}: the caller went away before the answer; request {RequestId}.")]
    private static partial void LogAbandoned(ILogger logger, string method, PathString path, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly; answered 500 internal_error; request {RequestId}.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path, string requestId);
}

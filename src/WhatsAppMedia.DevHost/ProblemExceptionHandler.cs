using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// What reaches ASP.NET Core's exception handler middleware, answered per docs/openapi.json and logged as what it is:
/// <list type="bullet">
/// <item>a request the server refused while reading it (<see cref="BadHttpRequestException"/>: the body arrived too
/// slowly for <c>MinRequestBodyDataRate</c> — 408 —, was too large, or was not valid HTTP) is the caller's doing:
/// answered with its own status and logged at information level, without a stack trace;</item>
/// <item>a request the caller abandoned is not answered (no one is listening) and logged at debug level;</item>
/// <item>anything else is a fault of ours: 500 <c>internal_error</c> with no details, logged at error level.</item>
/// </list>
/// Since .NET 10 the middleware records no diagnostics of its own for an exception a handler handled
/// (learn.microsoft.com/dotnet/core/compatibility/aspnet-core/10/exception-handler-diagnostics-suppressed), so this
/// log is the only one.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var requestId = RequestIds.Settle(httpContext);
        int status;
        switch (exception)
        {
            case BadHttpRequestException refused:
                status = refused.StatusCode;
                LogRefused(httpContext.Request.Method, httpContext.Request.Path, status, refused.Message, requestId);
                break;
            case OperationCanceledException or IOException when httpContext.RequestAborted.IsCancellationRequested:
                LogAbandoned(httpContext.Request.Method, httpContext.Request.Path, requestId);
                return true;
            default:
                status = StatusCodes.Status500InternalServerError;
                LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path, requestId);
                break;
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext { HttpContext = httpContext, Exception = exception };
        // The code follows from the status alone (FrameworkProblems: 500 and above are internal_error), in the writer.
        context.ProblemDetails.Status = status;
        return await problems.TryWriteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status} while reading the request: {Reason}; request {RequestId}.")]
    private partial void LogRefused(string method, PathString path, int status, string reason, string requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path}: the caller went away before the answer; request {RequestId}.")]
    private partial void LogAbandoned(string method, PathString path, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly; answered 500 internal_error; request {RequestId}.")]
    private partial void LogUnexpected(Exception exception, string method, PathString path, string requestId);
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// What reaches ASP.NET Core's exception handler middleware, answered per docs/openapi.json as <see cref="RequestFaults"/>
/// decides (the caller's refused request with its own status, an abandoned one not at all, anything else 500
/// <c>internal_error</c>), written through the problem details service so it comes out in the contract's shape.
/// Since .NET 10 the middleware records no diagnostics of its own for an exception a handler handled
/// (learn.microsoft.com/dotnet/core/compatibility/aspnet-core/10/exception-handler-diagnostics-suppressed), so the log
/// <see cref="RequestFaults"/> writes is the only one.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (RequestFaults.Classify(httpContext, exception, logger) is not { } status)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext { HttpContext = httpContext, Exception = exception };
        // The code follows from the status alone (FrameworkProblems: 500 and above are internal_error), in the writer.
        context.ProblemDetails.Status = status;
        return await problems.TryWriteAsync(context);
    }
}

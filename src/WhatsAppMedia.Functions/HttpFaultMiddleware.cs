using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Functions;

/// <summary>
/// Answers an exception that escapes an HTTP function as the local host does (<see cref="RequestFaults"/>): 500
/// <c>internal_error</c> problem+json without details, with <c>requestId</c> and <c>X-Request-Id</c>, logged at error
/// level; the caller's own refused request with its status; nothing for a caller that went away. Without it the
/// worker's invocation fails and the caller gets an empty 500.
/// </summary>
/// <remarks>
/// Registered after <c>ConfigureFunctionsWebApplication</c>, so it runs inside the ASP.NET Core integration's
/// FunctionsHttpProxyingMiddleware, which has put the request's HttpContext on the FunctionContext
/// (<c>context.GetHttpContext()</c>) and, once this returns, executes the invocation result as it does a function's
/// <see cref="Microsoft.AspNetCore.Http.IResult"/> (Azure/azure-functions-dotnet-worker at fb113332,
/// extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsMiddleware/FunctionsHttpProxyingMiddleware.cs). Functions
/// other than HTTP ones (the queue trigger) have no HttpContext: their exceptions pass through untouched, so the queue
/// still retries them.
/// </remarks>
internal sealed class HttpFaultMiddleware(ILogger<HttpFaultMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            // An empty result for a caller that went away: handled, so the proxying middleware neither writes nor warns.
            context.GetInvocationResult().Value = RequestFaults.Answer(http, exception, logger) ?? Microsoft.AspNetCore.Http.Results.Empty;
        }
    }
}

using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The <see cref="IProblemDetailsWriter"/> through which ASP.NET Core's own error answers — status code pages for
/// routing's 404 and 405, the exception handler's — come out in the contract's problem+json shape (<c>code</c>,
/// <c>requestId</c>, the <c>X-Request-Id</c> header) instead of the framework's. Registered ahead of the default
/// writer and willing to write whatever the caller's <c>Accept</c> says: docs/openapi.json has one error format.
/// </summary>
internal sealed class ContractProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        return new ValueTask(FrameworkProblems.Answer(http, status, http.Response.Headers.Allow.ToString()).ExecuteAsync(http));
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// How one imitation renders the faults it owns (<see cref="IProviderImitation.WriteFaultAsync"/>): each answer in
/// the provider's own shape, while what every provider shares is decided here once: a throttle's
/// <c>Retry-After</c> in whole seconds rounded up, the server-error status when the fault names none, and refusing
/// the faults the server applies itself (latency, hang, hold).
/// </summary>
/// <param name="Throttle">Writes the provider's throttling answer; <c>Retry-After</c> is already set when the fault asks for one.</param>
/// <param name="ServerError">Writes the provider's server-error answer with the given status.</param>
/// <param name="RefuseCredentials">Writes the provider's answer to credentials it no longer accepts.</param>
/// <param name="Reject">Writes the provider's permanent refusal of the request itself (a validation error).</param>
/// <param name="DefaultServerErrorStatus">The status of a server error whose fault names none.</param>
internal sealed record FaultAnswers(
    Func<HttpContext, Task> Throttle,
    Func<HttpContext, int, Task> ServerError,
    Func<HttpContext, Task> RefuseCredentials,
    Func<HttpContext, Task> Reject,
    int DefaultServerErrorStatus = StatusCodes.Status503ServiceUnavailable)
{
    public Task WriteAsync(HttpContext context, SandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fault);
        switch (fault.Kind)
        {
            case SandboxFaultKind.Throttle:
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return Throttle(context);
            case SandboxFaultKind.ServerError:
                return ServerError(context, fault.Status ?? DefaultServerErrorStatus);
            case SandboxFaultKind.RefuseCredentials:
                return RefuseCredentials(context);
            case SandboxFaultKind.Reject:
                return Reject(context);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "The server applies latency, hang and hold faults itself.");
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Functions;

/// <summary>
/// Every request under <c>/api</c> that no other function takes: 404 <c>not_found</c>, or 405 <c>method_not_allowed</c>
/// with <c>Allow</c> when the path is a known route (<see cref="MediaApi.Unmatched"/>, from <see cref="ApiRoutes"/>).
/// Without it the Functions host answers both itself, with an empty 404 (Azure/azure-functions-host#10098).
/// </summary>
/// <remarks>
/// Why it is sound under the Functions host's routing (Azure/azure-functions-host at 89dc438d,
/// Azure/azure-webjobs-sdk-extensions at 2e7550f7): the host maps one route per HTTP function, in the order of
/// <c>FunctionMetadataManager.LoadFunctionMetadata</c>, which sorts functions by name (<c>OrderBy(f =&gt; f.Name,
/// StringComparer.OrdinalIgnoreCase)</c>); <c>WebScriptHostHttpRoutesManager</c> maps them in that order and
/// <c>WebJobsRouteBuilder.Build</c> adds them to a <c>RouteCollection</c> without reordering, which takes the first route
/// whose template and <c>HttpMethodRouteConstraint</c> both match. So the specific routes are tried first as long as
/// this function's name sorts after theirs (<see cref="Name"/>; FunctionsMetadataTests holds every HTTP function to
/// it), and a known path with a wrong method fails its route's method constraint and falls through to this one. A host
/// that sorted routes by ASP.NET Core's route precedence instead would still try a catch-all last. The worker's own
/// endpoint routing (FunctionsEndpointDataSource) only hands the request to the invocation the host sent, whichever
/// endpoint it picks.
/// </remarks>
public static class UnmatchedRouteFunction
{
    /// <summary>
    /// "Z_" sorts after every name of letters, digits and hyphens under OrdinalIgnoreCase ('_' is 0x5F, above 'Z'), which
    /// is what puts this route last in the host's route table (see the remarks).
    /// </summary>
    public const string Name = "Z_UnmatchedRoute";

    /// <summary>Any method (no methods listed: the host puts no method constraint on the route), any path under the prefix.</summary>
    [Function(Name)]
    public static IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request) =>
        MediaApi.Unmatched(request);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using WhatsAppMedia.Functions.Tests.Rpc;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The host's routing of HTTP triggers: each function's <c>route</c> under the <c>routePrefix</c> of host.json, for its
/// <c>methods</c> (none listed: any method). Built from the metadata the worker reported, so it routes exactly what the
/// app declared, and tried as the host tries them: in the order of the functions' names (OrdinalIgnoreCase), the first
/// route whose template and method both match wins, with no precedence between templates.
/// </summary>
/// <remarks>
/// Azure/azure-functions-host at 89dc438d: FunctionMetadataManager.LoadFunctionMetadata returns the functions
/// <c>OrderBy(f =&gt; f.Name, StringComparer.OrdinalIgnoreCase)</c>; WebScriptHostHttpRoutesManager maps one route each, in
/// that order, with an <c>HttpMethodRouteConstraint</c> only when the trigger lists methods (WebJobsCoreScriptBindingProvider
/// leaves them null when the metadata has none). Azure/azure-webjobs-sdk-extensions at 2e7550f7:
/// WebJobsRouteBuilder.Build adds the routes to a RouteCollection as mapped, which routes to the first that matches.
/// </remarks>
internal sealed class HttpRoutes
{
    private readonly List<(RpcFunctionMetadata Function, string TriggerName, string[]? Methods, TemplateMatcher Matcher)> _routes = [];

    public HttpRoutes(IEnumerable<RpcFunctionMetadata> functions, string routePrefix)
    {
        foreach (var function in functions.OrderBy(function => function.Name, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var raw in function.RawBindings)
            {
                using var binding = System.Text.Json.JsonDocument.Parse(raw);
                var root = binding.RootElement;
                if (!string.Equals(root.GetProperty("type").GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var route = root.TryGetProperty("route", out var value) ? value.GetString()! : function.Name;
                var methods = root.TryGetProperty("methods", out var listed) && listed.ValueKind == System.Text.Json.JsonValueKind.Array
                    ? listed.EnumerateArray().Select(method => method.GetString()!).ToArray()
                    : null;
                var template = TemplateParser.Parse($"{routePrefix}/{route}");
                _routes.Add((function, root.GetProperty("name").GetString()!, methods, new TemplateMatcher(template, [])));
            }
        }
    }

    /// <summary>The function for <paramref name="method"/> <paramref name="path"/> with its route values, or null (the host answers 404 itself).</summary>
    public (RpcFunctionMetadata Function, string TriggerName, RouteValueDictionary Values)? Match(string method, string path)
    {
        foreach (var (function, triggerName, methods, matcher) in _routes)
        {
            var values = new RouteValueDictionary();
            if ((methods is null || methods.Contains(method, StringComparer.OrdinalIgnoreCase)) && matcher.TryMatch(new PathString(path), values))
            {
                return (function, triggerName, values);
            }
        }

        return null;
    }
}

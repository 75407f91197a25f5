using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using WhatsAppMedia.Functions.Tests.Rpc;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>
/// The host's routing of HTTP triggers: each function's <c>route</c> under the <c>routePrefix</c> of host.json, for its
/// <c>methods</c>. Built from the metadata the worker reported, so it routes exactly what the app declared.
/// </summary>
internal sealed class HttpRoutes
{
    private readonly List<(RpcFunctionMetadata Function, string TriggerName, string[] Methods, TemplateMatcher Matcher)> _routes = [];

    public HttpRoutes(IEnumerable<RpcFunctionMetadata> functions, string routePrefix)
    {
        foreach (var function in functions)
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
                var methods = root.GetProperty("methods").EnumerateArray().Select(method => method.GetString()!).ToArray();
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
            if (methods.Contains(method, StringComparer.OrdinalIgnoreCase) && matcher.TryMatch(new PathString(path), values))
            {
                return (function, triggerName, values);
            }
        }

        return null;
    }
}

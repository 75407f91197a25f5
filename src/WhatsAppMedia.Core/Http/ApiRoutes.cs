using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// The HTTP API's one route table (docs/api.md, "Routes"): each route's template (without the <c>api</c> prefix, as Azure
/// Functions' <c>HttpTrigger.Route</c> takes it) and method. The Functions app's triggers and the local host's endpoints
/// are declared from these constants, and the answer for a request no route takes (404 or 405 with <c>Allow</c>) is
/// decided from <see cref="All"/>, so a route exists in exactly one place.
/// </summary>
public static class ApiRoutes
{
    /// <summary>host.json <c>extensions.http.routePrefix</c>: every route is under <c>/api</c>.</summary>
    public const string Prefix = "api";

    /// <summary>
    /// DELETE and GET /api/tenants/{tenantId}/media/{mediaId}. No route constraints: a malformed id reaches the core and
    /// gets its own 400. <c>…/media/deletions</c> matches it too: a POST there is <see cref="Deletions"/> (a literal
    /// segment), a GET or DELETE takes <c>deletions</c> as a media id, which no provider's format but AWS's and NxCloud's
    /// admits; both hosts agree on it.
    /// </summary>
    public const string Media = "tenants/{tenantId}/media/{mediaId}";

    /// <summary>
    /// GET /api/tenants/{tenantId}/media/{mediaId}/content: the file. Shares its shape with <see cref="Batch"/>: a path
    /// <c>…/media/deletions/content</c> matches both, and both hosts give it to <see cref="Batch"/> (the local host by
    /// route precedence, a literal segment beating a parameter; the Functions host because its function sorts first).
    /// No media id of any provider is <c>deletions</c> with content to fetch (Meta's and SMSGatewayCenter's are digits,
    /// AWS and NxCloud have no <c>/content</c>).
    /// </summary>
    public const string MediaContent = "tenants/{tenantId}/media/{mediaId}/content";

    /// <summary>POST /api/tenants/{tenantId}/media/deletions.</summary>
    public const string Deletions = "tenants/{tenantId}/media/deletions";

    /// <summary>
    /// POST /api/tenants/{tenantId}/media/registrations: media ids to delete by the tenant's retention policy. Like
    /// <see cref="Deletions"/>, a GET or DELETE of the path takes <c>registrations</c> as a media id.
    /// </summary>
    public const string Registrations = "tenants/{tenantId}/media/registrations";

    /// <summary>
    /// GET /api/tenants/{tenantId}/media/deletions/schedule?until=…: the dry run, what the tenant has scheduled per day.
    /// It shares its shape with <see cref="Batch"/>; <c>schedule</c> is no batch id (those are 32 hexadecimal digits).
    /// The local host gives the path to this route by route precedence (a literal segment beats a parameter); the
    /// Functions host tries routes in the order of their functions' names
    /// (https://github.com/Azure/azure-functions-host/issues/9876), so this route's function is named to sort before
    /// the batch's.
    /// </summary>
    public const string DeletionSchedule = "tenants/{tenantId}/media/deletions/schedule";

    /// <summary>GET, DELETE (cancel) and PATCH (reschedule) /api/tenants/{tenantId}/media/deletions/{batchId}: a batch's state and schedule.</summary>
    public const string Batch = "tenants/{tenantId}/media/deletions/{batchId}";

    /// <summary>GET /api/tenants/{tenantId}/receipts: the tenant's deletion receipts as NDJSON.</summary>
    public const string Receipts = "tenants/{tenantId}/receipts";

    /// <summary>GET /api/receipts/signing-key: the public key of signed receipt digests, anonymous.</summary>
    public const string SigningKey = "receipts/signing-key";

    /// <summary>GET /api/health.</summary>
    public const string Health = "health";

    // Methods as Azure Functions' HttpTrigger takes them (lower case; HTTP methods compare case-insensitively).
    public const string Delete = "delete";
    public const string Post = "post";
    public const string Get = "get";
    public const string Patch = "patch";

    public static ApiRoute DeleteMediaRoute { get; } = new(Media, Delete);

    public static ApiRoute GetMediaRoute { get; } = new(Media, Get);

    public static ApiRoute GetMediaContentRoute { get; } = new(MediaContent, Get);

    public static ApiRoute QueueDeletionsRoute { get; } = new(Deletions, Post);

    public static ApiRoute RegisterMediaRoute { get; } = new(Registrations, Post);

    public static ApiRoute DeletionScheduleRoute { get; } = new(DeletionSchedule, Get);

    public static ApiRoute BatchStatusRoute { get; } = new(Batch, Get);

    public static ApiRoute CancelBatchRoute { get; } = new(Batch, Delete);

    public static ApiRoute RescheduleBatchRoute { get; } = new(Batch, Patch);

    public static ApiRoute ExportReceiptsRoute { get; } = new(Receipts, Get);

    public static ApiRoute SigningKeyRoute { get; } = new(SigningKey, Get);

    public static ApiRoute HealthRoute { get; } = new(Health, Get);

    /// <summary>Every route with its method; a template may appear once per method.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [DeleteMediaRoute, GetMediaRoute, GetMediaContentRoute, QueueDeletionsRoute, RegisterMediaRoute, DeletionScheduleRoute, BatchStatusRoute, CancelBatchRoute, RescheduleBatchRoute, ExportReceiptsRoute, SigningKeyRoute, HealthRoute];

    private static readonly (ApiRoute Route, TemplateMatcher Matcher)[] Matchers =
        [.. All.Select(route => (route, new TemplateMatcher(TemplateParser.Parse($"{Prefix}/{route.Template}"), [])))];

    /// <summary>
    /// The methods the routes matching <paramref name="path"/> take, upper case in table order, without repeats: empty
    /// when no route matches (a 404), otherwise the <c>Allow</c> of a 405. Matched with ASP.NET Core's
    /// <see cref="TemplateMatcher"/>, the matcher the Functions host's routes use (Route in Microsoft.AspNetCore.Routing).
    /// </summary>
    public static IReadOnlyList<string> MethodsFor(PathString path)
    {
        var methods = new List<string>();
        foreach (var (route, matcher) in Matchers)
        {
            var method = route.Method.ToUpperInvariant();
            if (!methods.Contains(method) && matcher.TryMatch(path, new RouteValueDictionary()))
            {
                methods.Add(method);
            }
        }

        return methods;
    }
}

using System.Text.Json;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK writes from the attributes is what the Functions host registers routes and
/// triggers from, so it is checked against docs/api.md (HTTP API) and docs/formats.md (queue) as literal data: a route, method,
/// authorization level or queue binding that drifts from the contract fails here.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private const string UnmatchedRoute = "Z_UnmatchedRoute";

    private static readonly JsonElement[] Functions = Read();

    [Fact]
    public void The_app_has_exactly_the_contracts_functions()
    {
        Functions.Select(function => function.GetProperty("name").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["CancelDeletionBatch", "CountScheduledDeletions", "DeleteMedia", "ExportReceipts", "GetDeletionBatch", "GetMedia", "GetMediaContent", "GetReceiptSigningKey", "Health", "ProcessMediaDeletion", "QueueDeletions", "RegisterMedia", "RemoveExpiredBatches", "RemoveExpiredReceipts", "RescheduleDeletionBatch", "SignReceiptDigests", "SweepScheduledDeletions", "Z_UnmatchedRoute"]);
    }

    [Theory]
    [InlineData("DeleteMedia", "delete", "tenants/{tenantId}/media/{mediaId}", "WhatsAppMedia.Functions.MediaApiFunctions.DeleteMediaAsync")]
    [InlineData("QueueDeletions", "post", "tenants/{tenantId}/media/deletions", "WhatsAppMedia.Functions.MediaApiFunctions.QueueDeletionsAsync")]
    [InlineData("RegisterMedia", "post", "tenants/{tenantId}/media/registrations", "WhatsAppMedia.Functions.MediaApiFunctions.RegisterMediaAsync")]
    [InlineData("CountScheduledDeletions", "get", "tenants/{tenantId}/media/deletions/schedule", "WhatsAppMedia.Functions.MediaApiFunctions.CountScheduledDeletionsAsync")]
    [InlineData("ExportReceipts", "get", "tenants/{tenantId}/receipts", "WhatsAppMedia.Functions.MediaApiFunctions.ExportReceiptsAsync")]
    [InlineData("GetDeletionBatch", "get", "tenants/{tenantId}/media/deletions/{batchId}", "WhatsAppMedia.Functions.MediaApiFunctions.GetBatchAsync")]
    [InlineData("GetMedia", "get", "tenants/{tenantId}/media/{mediaId}", "WhatsAppMedia.Functions.MediaApiFunctions.GetMediaAsync")]
    [InlineData("GetMediaContent", "get", "tenants/{tenantId}/media/{mediaId}/content", "WhatsAppMedia.Functions.MediaApiFunctions.GetMediaContentAsync")]
    [InlineData("GetReceiptSigningKey", "get", "receipts/signing-key", "WhatsAppMedia.Functions.SigningKeyFunction.GetAsync")]
    [InlineData("Health", "get", "health", "WhatsAppMedia.Functions.MediaApiFunctions.Health")]
    public void Each_http_function_has_the_contracts_route_and_method_and_is_anonymous(string name, string method, string route, string entryPoint)
    {
        var function = Function(name);
        function.GetProperty("scriptFile").GetString().ShouldBe(FunctionsApp.WorkerAssembly);
        function.GetProperty("entryPoint").GetString().ShouldBe(entryPoint);
        function.GetProperty("language").GetString().ShouldBe("dotnet-isolated");

        var bindings = function.GetProperty("bindings").EnumerateArray().ToArray();
        bindings.Length.ShouldBe(2);
        var trigger = bindings.Single(binding => binding.GetProperty("direction").GetString() == "In");
        trigger.GetProperty("type").GetString().ShouldBe("httpTrigger");
        trigger.GetProperty("route").GetString().ShouldBe(route);
        trigger.GetProperty("methods").EnumerateArray().Select(value => value.GetString()).ShouldBe([method]);
        // The service authenticates tenants itself with X-Api-Key; a function key would be a second, undocumented secret.
        trigger.GetProperty("authLevel").GetString().ShouldBe("Anonymous");

        var output = bindings.Single(binding => binding.GetProperty("direction").GetString() == "Out");
        output.GetProperty("type").GetString().ShouldBe("http");
        output.GetProperty("name").GetString().ShouldBe("$return");
    }

    [Fact]
    public void The_http_functions_are_exactly_the_core_route_table_so_unmatched_answers_know_every_route()
    {
        var declared = HttpTriggers()
            .Where(trigger => trigger.Function != UnmatchedRoute)
            .SelectMany(trigger => trigger.Binding.GetProperty("methods").EnumerateArray()
                .Select(method => new ApiRoute(trigger.Binding.GetProperty("route").GetString()!, method.GetString()!)));
        declared.ShouldBe(ApiRoutes.All, ignoreOrder: true);
    }

    [Fact]
    public void The_unmatched_route_function_takes_any_method_on_any_path_and_is_anonymous()
    {
        var function = Function(UnmatchedRoute);
        function.GetProperty("entryPoint").GetString().ShouldBe("WhatsAppMedia.Functions.UnmatchedRouteFunction.Run");
        var trigger = function.GetProperty("bindings").EnumerateArray().Single(binding => binding.GetProperty("type").GetString() == "httpTrigger");
        trigger.GetProperty("route").GetString().ShouldBe("{*path}");
        // No methods: the host then puts no method constraint on the route, so a wrong method on a known path reaches it.
        trigger.TryGetProperty("methods", out _).ShouldBeFalse();
        trigger.GetProperty("authLevel").GetString().ShouldBe("Anonymous");
    }

    [Fact]
    public void Every_other_http_function_sorts_before_the_unmatched_route_so_the_host_tries_its_route_first()
    {
        // The Functions host maps HTTP routes in the order of the function names (OrdinalIgnoreCase) and takes the first
        // that matches (UnmatchedRouteFunction's remarks): a function whose name sorted after the catch-all would never run.
        foreach (var (name, _) in HttpTriggers().Where(trigger => trigger.Function != UnmatchedRoute))
        {
            StringComparer.OrdinalIgnoreCase.Compare(name, UnmatchedRoute).ShouldBeLessThan(0, name);
        }
    }

    /// <summary>
    /// Where two routes of one method match the same path (GET <c>…/media/deletions/content</c> is a batch id and a media
    /// id's content), the local host picks by ASP.NET Core's route precedence: at the first segment where the templates
    /// differ in kind, a literal beats a parameter. The Functions host takes the first match in function-name order
    /// (UnmatchedRouteFunction's remarks), so the function whose route wins by precedence must sort first, or the two
    /// hosts would answer the same request differently.
    /// </summary>
    [Fact]
    public void Where_two_routes_match_one_path_the_function_that_wins_by_route_precedence_sorts_first()
    {
        var routes = HttpTriggers()
            .Where(trigger => trigger.Function != UnmatchedRoute)
            .SelectMany(trigger => trigger.Binding.GetProperty("methods").EnumerateArray()
                .Select(method => (trigger.Function, Method: method.GetString()!, Segments: trigger.Binding.GetProperty("route").GetString()!.Split('/'))))
            .ToList();
        var overlapping = 0;
        foreach (var a in routes)
        {
            foreach (var b in routes.Where(b => b.Function != a.Function && b.Method == a.Method && b.Segments.Length == a.Segments.Length))
            {
                var segments = a.Segments.Zip(b.Segments).ToList();
                if (segments.Any(pair => !IsParameter(pair.First) && !IsParameter(pair.Second) && !pair.First.Equals(pair.Second, StringComparison.OrdinalIgnoreCase)))
                {
                    continue; // two different literals: no path matches both.
                }

                var (first, second) = segments.First(pair => IsParameter(pair.First) != IsParameter(pair.Second));
                if (!IsParameter(first))
                {
                    overlapping++;
                    StringComparer.OrdinalIgnoreCase.Compare(a.Function, b.Function).ShouldBeLessThan(0, $"{a.Function} wins over {b.Function} by route precedence ('{first}' over '{second}') and must sort first");
                }
            }
        }

        overlapping.ShouldBe(2, "GET …/media/deletions/schedule over GET …/media/deletions/{batchId}, and that one over GET …/media/{mediaId}/content, are the overlaps today");

        static bool IsParameter(string segment) => segment.StartsWith('{');
    }

    [Fact]
    public void The_queue_function_reads_the_work_queue_named_by_MediaDeletion_Queue_through_AzureWebJobsStorage()
    {
        var function = Function("ProcessMediaDeletion");
        function.GetProperty("scriptFile").GetString().ShouldBe(FunctionsApp.WorkerAssembly);
        function.GetProperty("entryPoint").GetString().ShouldBe("WhatsAppMedia.Functions.MediaDeletionQueueFunction.ProcessAsync");

        var binding = function.GetProperty("bindings").EnumerateArray().ShouldHaveSingleItem();
        binding.GetProperty("type").GetString().ShouldBe("queueTrigger");
        binding.GetProperty("direction").GetString().ShouldBe("In");
        // The colon form: the host resolves %name% against configuration, where the app setting MediaDeletion__Queue
        // appears as MediaDeletion:Queue (the README's "Configuration" names the setting; VERIFIED.md has the sources).
        binding.GetProperty("queueName").GetString().ShouldBe("%MediaDeletion:Queue%");
        binding.GetProperty("connection").GetString().ShouldBe("AzureWebJobsStorage");
    }

    [Fact]
    public void The_retention_function_runs_the_batch_retention_job_hourly_on_a_timer()
    {
        var function = Function("RemoveExpiredBatches");
        function.GetProperty("scriptFile").GetString().ShouldBe(FunctionsApp.WorkerAssembly);
        function.GetProperty("entryPoint").GetString().ShouldBe("WhatsAppMedia.Functions.BatchRetentionFunction.RunAsync");

        var binding = function.GetProperty("bindings").EnumerateArray().ShouldHaveSingleItem();
        binding.GetProperty("type").GetString().ShouldBe("timerTrigger");
        binding.GetProperty("direction").GetString().ShouldBe("In");
        binding.GetProperty("schedule").GetString().ShouldBe(BatchRetentionJob.Schedule);
        BatchRetentionJob.Schedule.ShouldBe("0 0 * * * *");
    }

    [Theory]
    [InlineData("SignReceiptDigests", "WhatsAppMedia.Functions.ReceiptDigestFunction.RunAsync", ReceiptDigestJob.Schedule, "0 */15 * * * *")]
    [InlineData("RemoveExpiredReceipts", "WhatsAppMedia.Functions.ReceiptRetentionFunction.RunAsync", ReceiptRetentionJob.Schedule, "0 30 3 * * *")]
    public void The_receipt_functions_run_their_jobs_on_a_timer(string name, string entryPoint, string schedule, string expected)
    {
        var function = Function(name);
        function.GetProperty("entryPoint").GetString().ShouldBe(entryPoint);
        var binding = function.GetProperty("bindings").EnumerateArray().ShouldHaveSingleItem();
        binding.GetProperty("type").GetString().ShouldBe("timerTrigger");
        binding.GetProperty("schedule").GetString().ShouldBe(schedule);
        schedule.ShouldBe(expected);
    }

    [Fact]
    public void The_sweep_function_runs_the_schedule_sweep_every_minute_on_a_timer()
    {
        var function = Function("SweepScheduledDeletions");
        function.GetProperty("scriptFile").GetString().ShouldBe(FunctionsApp.WorkerAssembly);
        function.GetProperty("entryPoint").GetString().ShouldBe("WhatsAppMedia.Functions.ScheduleSweepFunction.RunAsync");

        var binding = function.GetProperty("bindings").EnumerateArray().ShouldHaveSingleItem();
        binding.GetProperty("type").GetString().ShouldBe("timerTrigger");
        binding.GetProperty("schedule").GetString().ShouldBe(ScheduleSweepJob.Schedule);
        ScheduleSweepJob.Schedule.ShouldBe("0 * * * * *");
    }

    [Fact]
    public void No_route_under_the_api_prefix_is_claimed_twice_for_one_method()
    {
        var routes = Functions
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .Where(binding => binding.TryGetProperty("methods", out _))
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray().Select(method => $"{method.GetString()} {binding.GetProperty("route").GetString()}"))
            .ToArray();
        routes.Distinct().Count().ShouldBe(routes.Length);
    }

    [Fact]
    public void The_built_app_carries_the_repositorys_host_json_with_the_api_route_prefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(FunctionsApp.PathTo("host.json")));
        hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString().ShouldBe("api");
        hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString().ShouldBe("base64");
    }

    /// <summary>
    /// The host's own lines (Executing/Executed per invocation) are at Warning, and each function's own log (the
    /// service's one line per request or message, category <c>Function.{name}.User</c>) at Information: a function added
    /// without its line in host.json would log nothing at Information.
    /// </summary>
    [Fact]
    public void Host_json_keeps_one_line_per_invocation_for_every_function()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(FunctionsApp.PathTo("host.json")));
        var levels = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel");
        levels.GetProperty("default").GetString().ShouldBe("Warning");
        levels.GetProperty("Function").GetString().ShouldBe("Warning");
        foreach (var name in Functions.Select(function => function.GetProperty("name").GetString()!))
        {
            levels.TryGetProperty($"Function.{name}.User", out var level).ShouldBeTrue($"host.json sets no level for Function.{name}.User");
            level.GetString().ShouldBe("Information");
        }
    }

    private static (string Function, JsonElement Binding)[] HttpTriggers() =>
    [
        .. Functions.SelectMany(function => function.GetProperty("bindings").EnumerateArray()
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .Select(binding => (function.GetProperty("name").GetString()!, binding))),
    ];

    private static JsonElement Function(string name) =>
        Functions.Single(function => function.GetProperty("name").GetString() == name);

    private static JsonElement[] Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FunctionsApp.PathTo("functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(function => function.Clone())];
    }
}

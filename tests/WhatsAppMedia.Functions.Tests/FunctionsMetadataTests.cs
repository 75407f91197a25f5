using System.Text.Json;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK writes from the attributes is what the Functions host registers routes and
/// triggers from, so it is checked against contract §2 (HTTP API) and §3 (queue) as literal data: a route, method,
/// authorization level or queue binding that drifts from the contract fails here.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = Read();

    [Fact]
    public void The_app_has_exactly_the_contracts_functions()
    {
        Functions.Select(function => function.GetProperty("name").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["DeleteMedia", "Health", "ProcessMediaDeletion", "QueueDeletions"]);
    }

    [Theory]
    [InlineData("DeleteMedia", "delete", "tenants/{tenantId}/media/{mediaId}", "WhatsAppMedia.Functions.MediaApiFunctions.DeleteMediaAsync")]
    [InlineData("QueueDeletions", "post", "tenants/{tenantId}/media/deletions", "WhatsAppMedia.Functions.MediaApiFunctions.QueueDeletionsAsync")]
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
    public void The_queue_function_reads_the_work_queue_named_by_MediaDeletion_Queue_through_AzureWebJobsStorage()
    {
        var function = Function("ProcessMediaDeletion");
        function.GetProperty("scriptFile").GetString().ShouldBe(FunctionsApp.WorkerAssembly);
        function.GetProperty("entryPoint").GetString().ShouldBe("WhatsAppMedia.Functions.MediaDeletionQueueFunction.ProcessAsync");

        var binding = function.GetProperty("bindings").EnumerateArray().ShouldHaveSingleItem();
        binding.GetProperty("type").GetString().ShouldBe("queueTrigger");
        binding.GetProperty("direction").GetString().ShouldBe("In");
        // The colon form: the host resolves %name% against configuration, where the app setting MediaDeletion__Queue
        // appears as MediaDeletion:Queue (contract §4 names the setting; VERIFIED.md has the sources).
        binding.GetProperty("queueName").GetString().ShouldBe("%MediaDeletion:Queue%");
        binding.GetProperty("connection").GetString().ShouldBe("AzureWebJobsStorage");
    }

    [Fact]
    public void No_route_under_the_api_prefix_is_claimed_twice_for_one_method()
    {
        var routes = Functions
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
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

    private static JsonElement Function(string name) =>
        Functions.Single(function => function.GetProperty("name").GetString() == name);

    private static JsonElement[] Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FunctionsApp.PathTo("functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(function => function.Clone())];
    }
}

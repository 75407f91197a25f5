using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using WhatsAppMedia.Core;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>
/// The reference documents users read (docs/openapi.json, docs/schemas/) checked against what the app really has: the
/// routes and methods of the built functions.metadata (what the Functions host registers) and every code in
/// <see cref="ErrorCodes"/>. A route or code added without its documentation fails here, and the message names it.
/// </summary>
public sealed class ReferenceDocsTests
{
    private static readonly string DocsDirectory = typeof(ReferenceDocsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "DocsDirectory").Value
        ?? throw new InvalidOperationException("The test assembly does not name the docs directory.");

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public void The_OpenAPI_document_is_valid_OpenAPI_3_1()
    {
        var (document, diagnostic) = OpenApiDocument.Parse(File.ReadAllText(Path.Combine(DocsDirectory, "openapi.json")), OpenApiConstants.Json);
        diagnostic.ShouldNotBeNull();
        diagnostic.SpecificationVersion.ShouldBe(OpenApiSpecVersion.OpenApi3_1);
        diagnostic.Errors.Select(error => error.ToString()).ShouldBeEmpty("docs/openapi.json does not read as OpenAPI");
        document.ShouldNotBeNull();
        document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(error => error.ToString()).ShouldBeEmpty("docs/openapi.json breaks OpenAPI's rules");
    }

    [Fact]
    public void The_OpenAPI_document_has_exactly_the_routes_and_methods_of_the_built_app()
    {
        using var openApi = Read("openapi.json");
        openApi.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.1.");
        var documented = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(member => HttpMethods.Contains(member.Name))
                .Select(member => $"{member.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var built = BuiltRoutes();
        var undocumented = built.Except(documented).Order(StringComparer.Ordinal).ToArray();
        var stale = documented.Except(built).Order(StringComparer.Ordinal).ToArray();
        // One assertion, so a single run names both what is missing and what is stale.
        Drift(
            (undocumented, "docs/openapi.json lacks these routes of the built app (functions.metadata)"),
            (stale, "docs/openapi.json documents routes the built app (functions.metadata) does not have"));
    }

    [Theory]
    [InlineData("openapi.json")]
    [InlineData("schemas/tenant-document.schema.json")]
    public void The_documented_provider_names_are_the_registered_providers(string document)
    {
        using var json = Read(document);
        var documented = PropertyEnums(json.RootElement, "provider").ToHashSet(StringComparer.Ordinal);
        var registered = ProviderRegistry.BuiltIn.Names.ToHashSet(StringComparer.Ordinal);

        documented.ShouldNotBeEmpty($"docs/{document} has no provider enum");
        Drift(
            (registered.Except(documented).Order(StringComparer.Ordinal).ToArray(), $"docs/{document} lacks these registered providers (ProviderRegistry.BuiltIn)"),
            (documented.Except(registered).Order(StringComparer.Ordinal).ToArray(), $"docs/{document} names providers nobody registers"));
    }

    [Fact]
    public void Every_error_code_the_code_can_produce_is_documented_and_every_documented_code_exists()
    {
        using var openApi = Read("openapi.json");
        using var failedEntry = Read("schemas/failed-entry.schema.json");
        var httpCodes = CodeEnums(openApi.RootElement).ToHashSet(StringComparer.Ordinal);
        var queueCodes = failedEntry.RootElement.GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(code => code.GetString()!).ToHashSet(StringComparer.Ordinal);
        var documented = httpCodes.Union(queueCodes).ToHashSet(StringComparer.Ordinal);

        var known = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = known.Except(documented).Order(StringComparer.Ordinal).ToArray();
        var unknown = documented.Except(known).Order(StringComparer.Ordinal).ToArray();
        Drift(
            (undocumented, "ErrorCodes has codes no document names; add each to the problem response of the route(s) that produce it in docs/openapi.json, or to the code enum of docs/schemas/failed-entry.schema.json"),
            (unknown, "docs/ names codes that are not in ErrorCodes"));
    }

    [Fact]
    public void Every_documented_answer_carries_its_codes_with_the_status_the_error_table_gives_them()
    {
        using var openApi = Read("openapi.json");
        var root = openApi.RootElement;
        var wrong = new List<string>();
        var answers = Responses(root).ToList();
        answers.AddRange(root.GetProperty("x-unmatched-routes").GetProperty("responses").EnumerateObject()
            .Select(response => ($"x-unmatched-routes {response.Name}", response.Value)));
        foreach (var (name, response) in answers)
        {
            var status = int.Parse(name[(name.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var code in CodeEnums(Dereferenced(root, response)))
            {
                var row = ErrorTable.All.SingleOrDefault(row => row.Code == code);
                if (row?.Status != status)
                {
                    wrong.Add($"{name}: {code} is {(row?.Status is { } given ? given.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no HTTP answer")} in ErrorTable");
                }
            }
        }

        var documented = CodeEnums(root).ToHashSet(StringComparer.Ordinal);
        var answered = ErrorTable.All.Where(row => row.Status is not null).Select(row => row.Code).ToHashSet(StringComparer.Ordinal);
        Drift(
            (wrong.ToArray(), "docs/openapi.json lists codes under a status ErrorTable does not give them"),
            (answered.Except(documented).Order(StringComparer.Ordinal).ToArray(), "ErrorTable answers codes docs/openapi.json does not list"),
            (documented.Except(answered).Order(StringComparer.Ordinal).ToArray(), "docs/openapi.json lists codes ErrorTable does not answer over HTTP"));
    }

    [Fact]
    public void The_failed_entry_codes_are_the_error_table_codes_that_end_a_message_in_failed()
    {
        using var failedEntry = Read("schemas/failed-entry.schema.json");
        var documented = failedEntry.RootElement.GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(code => code.GetString()!).ToHashSet(StringComparer.Ordinal);
        // A throttled message is deferred, until MediaDeletion:MaxThrottleRetries refusals despite pacing send it to -failed.
        var failing = ErrorTable.All.Where(row => row.OnQueue == QueueFate.Failed).Select(row => row.Code)
            .Append(ErrorCodes.ProviderThrottled).ToHashSet(StringComparer.Ordinal);
        Drift(
            (failing.Except(documented).Order(StringComparer.Ordinal).ToArray(), "docs/schemas/failed-entry.schema.json lacks codes that end a message in -failed"),
            (documented.Except(failing).Order(StringComparer.Ordinal).ToArray(), "docs/schemas/failed-entry.schema.json lists codes that never end a message in -failed"));
    }

    [Fact]
    public void Every_answer_documents_X_Request_Id_and_throttling_and_wrong_methods_their_headers()
    {
        using var openApi = Read("openapi.json");
        var missing = new List<string>();
        foreach (var (name, response) in Responses(openApi.RootElement))
        {
            var headers = response.TryGetProperty("headers", out var h) ? h.EnumerateObject().Select(header => header.Name).ToArray() : [];
            Require("X-Request-Id");
            if (name.EndsWith(" 429", StringComparison.Ordinal))
            {
                Require("Retry-After");
            }

            if (name.EndsWith(" 405", StringComparison.Ordinal))
            {
                Require("Allow");
            }

            void Require(string header)
            {
                if (!headers.Contains(header, StringComparer.Ordinal))
                {
                    missing.Add($"{name}: {header}");
                }
            }
        }

        missing.ShouldBeEmpty($"docs/openapi.json answers that lack a header: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_tenant_route_names_the_api_key_and_every_reference_resolves()
    {
        using var openApi = Read("openapi.json");
        var root = openApi.RootElement;
        foreach (var path in root.GetProperty("paths").EnumerateObject().Where(path => path.Name.StartsWith("/api/tenants/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(member => HttpMethods.Contains(member.Name)))
            {
                var namesApiKey = operation.Value.GetProperty("security").EnumerateArray().Any(requirement => requirement.TryGetProperty("apiKey", out _));
                namesApiKey.ShouldBeTrue($"{operation.Name} {path.Name} does not name the apiKey (X-Api-Key) scheme");
            }
        }

        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("name").GetString().ShouldBe("X-Api-Key");
        var unresolved = References(root).Where(reference => Resolve(root, reference) is null).Distinct().ToArray();
        unresolved.ShouldBeEmpty($"docs/openapi.json has references that point nowhere: {string.Join(", ", unresolved)}");
    }

    /// <summary>"METHOD /api/route" for every HTTP trigger of the built app, with host.json's route prefix.</summary>
    private static HashSet<string> BuiltRoutes()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(FunctionsApp.PathTo("host.json")));
        var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();
        using var metadata = JsonDocument.Parse(File.ReadAllText(FunctionsApp.PathTo("functions.metadata")));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            // The catch-all (no methods: any method on any path) is the document's x-unmatched-routes, not a path.
            .Where(binding => binding.TryGetProperty("methods", out _))
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray()
                .Select(method => $"{method.GetString()!.ToUpperInvariant()} /{prefix}/{binding.GetProperty("route").GetString()}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every <c>enum</c> of a <c>code</c> property anywhere in the document: the problem codes per answer.</summary>
    private static IEnumerable<string> CodeEnums(JsonElement element) => PropertyEnums(element, "code");

    /// <summary>Every value of every <c>enum</c> of a property named <paramref name="property"/> anywhere in the document.</summary>
    private static IEnumerable<string> PropertyEnums(JsonElement element, string property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name == property && member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty("enum", out var values))
                    {
                        foreach (var value in values.EnumerateArray())
                        {
                            yield return value.GetString()!;
                        }
                    }

                    foreach (var code in PropertyEnums(member.Value, property))
                    {
                        yield return code;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var code in element.EnumerateArray().SelectMany(item => PropertyEnums(item, property)))
                {
                    yield return code;
                }

                break;
        }
    }

    private static IEnumerable<(string Name, JsonElement Response)> Responses(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(member => HttpMethods.Contains(member.Name)))
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    yield return ($"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name}", response.Value);
                }
            }
        }
    }

    /// <summary>The response itself, or what its <c>$ref</c> points to.</summary>
    private static JsonElement Dereferenced(JsonElement root, JsonElement response) =>
        response.TryGetProperty("$ref", out var reference) ? Resolve(root, reference.GetString()!) ?? response : response;

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(member =>
            member.Name == "$ref" && member.Value.ValueKind == JsonValueKind.String ? [member.Value.GetString()!] : References(member.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out current))
            {
                return null;
            }
        }

        return current;
    }

    private static void Drift(params (string[] Items, string Problem)[] findings)
    {
        var problems = findings.Where(finding => finding.Items.Length > 0).Select(finding => $"{finding.Problem}: {string.Join(", ", finding.Items)}").ToArray();
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    private static JsonDocument Read(string relativePath) => JsonDocument.Parse(File.ReadAllText(Path.Combine(DocsDirectory, relativePath)));
}

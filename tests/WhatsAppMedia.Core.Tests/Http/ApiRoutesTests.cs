using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Core.Tests.Http;

/// <summary>The route table's answer for requests no route takes: the 404 and the 405's <c>Allow</c> (docs/api.md, "Conventions").</summary>
public class ApiRoutesTests
{
    [Fact]
    public void The_table_is_the_contracts_routes()
    {
        ApiRoutes.All.Select(route => $"{route.Method.ToUpperInvariant()} /{ApiRoutes.Prefix}/{route.Template}").ShouldBe(
            [
                "DELETE /api/tenants/{tenantId}/media/{mediaId}",
                "GET /api/tenants/{tenantId}/media/{mediaId}",
                "GET /api/tenants/{tenantId}/media/{mediaId}/content",
                "POST /api/tenants/{tenantId}/media/deletions",
                "POST /api/tenants/{tenantId}/media/registrations",
                "GET /api/tenants/{tenantId}/media/deletions/schedule",
                "GET /api/tenants/{tenantId}/media/deletions/{batchId}",
                "DELETE /api/tenants/{tenantId}/media/deletions/{batchId}",
                "PATCH /api/tenants/{tenantId}/media/deletions/{batchId}",
                "GET /api/tenants/{tenantId}/receipts",
                "GET /api/receipts/signing-key",
                "GET /api/health",
            ],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("/api/tenants/demo-meta/media/1013859600285441", "DELETE, GET")]
    [InlineData("/API/Tenants/demo-meta/MEDIA/1", "DELETE, GET")]
    [InlineData("/api/tenants/demo-meta/media/1013859600285441/content", "GET")]
    [InlineData("/api/tenants/demo-meta/media/deletions", "DELETE, GET, POST")]
    [InlineData("/api/tenants/demo-meta/media/deletions/", "DELETE, GET, POST")]
    [InlineData("/api/tenants/demo-meta/media/deletions/0123456789abcdef0123456789abcdef", "DELETE, GET, PATCH")]
    [InlineData("/api/tenants/demo-meta/media/deletions/content", "DELETE, GET, PATCH")]
    [InlineData("/api/tenants/demo-meta/media/deletions/schedule", "DELETE, GET, PATCH")]
    [InlineData("/api/health", "GET")]
    [InlineData("/api/nope", "")]
    [InlineData("/api/", "")]
    [InlineData("/api", "")]
    [InlineData("/api/tenants/demo-meta/media", "")]
    [InlineData("/api/tenants/demo-meta/media/1/extra", "")]
    [InlineData("/api/tenants/demo-meta/media/1/content/extra", "")]
    [InlineData("/health", "")]
    public void The_methods_for_a_path_are_those_of_every_route_that_matches_it(string path, string methods) =>
        string.Join(", ", ApiRoutes.MethodsFor(new PathString(path)).Order(StringComparer.Ordinal)).ShouldBe(methods);

    [Fact]
    public async Task An_unmatched_request_on_a_known_path_is_405_with_allow_and_the_request_id()
    {
        var context = NewContext("PUT", "/api/tenants/demo-meta/media/deletions", "unmatched-405");

        await MediaApi.Unmatched(context.Request).ExecuteAsync(context);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status405MethodNotAllowed);
        context.Response.Headers.Allow.ToString().ShouldBe("DELETE, GET, POST");
        context.Response.Headers[RequestIds.HeaderName].ToString().ShouldBe("unmatched-405");
        var problem = Read(context);
        problem.GetProperty("code").GetString().ShouldBe("method_not_allowed");
        problem.GetProperty("detail").GetString()!.ShouldContain("DELETE, GET, POST");
        problem.GetProperty("requestId").GetString().ShouldBe("unmatched-405");
    }

    [Fact]
    public async Task An_unmatched_request_on_an_unknown_path_is_404_not_found_without_allow()
    {
        var context = NewContext("GET", "/api/nope", "unmatched-404");

        await MediaApi.Unmatched(context.Request).ExecuteAsync(context);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
        context.Response.Headers.Allow.ToString().ShouldBeEmpty();
        context.Response.ContentType.ShouldBe("application/problem+json");
        Read(context).GetProperty("code").GetString().ShouldBe("not_found");
    }

    private static DefaultHttpContext NewContext(string method, string path, string requestId)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Headers[RequestIds.HeaderName] = requestId;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Read(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }
}

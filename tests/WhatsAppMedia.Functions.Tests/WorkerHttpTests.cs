using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Functions.Tests.Host;
using WhatsAppMedia.Functions.Tests.Rpc;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>The HTTP functions of the deployable worker, called through the test host as the Functions host calls them.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerHttpTests(WorkerFixture worker)
{
    [Fact]
    public async Task Health_answers_ok_through_the_worker()
    {
        using var response = await worker.Http.GetAsync(new Uri("api/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("ok");
        InvocationOf(response).Result.Status.ShouldBe(StatusResult.Types.Status.Success);
    }

    private static InvocationResponse InvocationOf(HttpResponseMessage response) =>
        response.RequestMessage!.Options.TryGetValue(HttpInvocation.InvocationKey, out var invocation)
            ? invocation
            : throw new InvalidOperationException("The request reached no function.");
}

using WhatsAppMedia.Functions.Tests.Host;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>A bad setting stops the worker at start, naming the setting, instead of answering 500 on the first call.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerStartupTests(WorkerFixture worker)
{
    [Fact]
    public async Task A_plain_http_provider_url_that_is_not_loopback_makes_the_worker_fail_at_start_naming_the_setting()
    {
        var settings = worker.AppSettings();
        settings["Providers__Meta__BaseUrl"] = "http://graph.example.com";
        using var guard = new CancellationTokenSource(WorkerFixture.Guard);

        var failure = await Should.ThrowAsync<WorkerStartException>(() => TestFunctionsHost.StartAsync(settings, guard.Token));

        failure.Message.ShouldContain("exited");
        failure.WorkerOutput.ShouldContain("Providers:Meta:BaseUrl must be an absolute https URL");
        failure.WorkerOutput.ShouldNotContain("EAASandboxMetaAccessToken0001");
    }

    [Fact]
    public async Task A_malformed_application_insights_authentication_string_makes_the_worker_fail_at_start_naming_the_setting()
    {
        var settings = worker.AppSettings();
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/";
        settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=Key;Secret=hunter2-do-not-echo";
        using var guard = new CancellationTokenSource(WorkerFixture.Guard);

        var failure = await Should.ThrowAsync<WorkerStartException>(() => TestFunctionsHost.StartAsync(settings, guard.Token));

        failure.WorkerOutput.ShouldContain("APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be \"Authorization=AAD\"");
        failure.WorkerOutput.ShouldNotContain("hunter2-do-not-echo");
    }
}

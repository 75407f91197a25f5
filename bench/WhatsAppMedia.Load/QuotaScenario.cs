using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Load;

/// <summary>
/// One tenant's bulk job drained by several hosts on one queue against a provider account that admits a fixed rate
/// (the sandbox's token-bucket quota): how close the job gets to the account's rate, and how many provider requests
/// it wastes on refusals. Without a budget in the tenant document (Meta has no default) the hosts send as fast as
/// they can and react to refusals; with one they pace to it through the shared schedule (docs/pacing.md).
/// </summary>
internal static class QuotaScenario
{
    private const string Tenant = "bench-quota";
    private const string DemoApiKeySha256 = "ca6f2e39b2ff141859b18bb5283aadd5093c8ede2869f3656231a054e54bfc22";
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    public static async Task<QuotaResult> RunAsync(QuotaRun run, bool traced)
    {
        await using var hosts = await SharedQueueHosts.StartAsync(run.Hosts, [$"--Tenants:{Tenant}={TenantDocument(run)}"]);
        var account = hosts.Sandbox.State(run.Provider);
        var ids = Enumerable.Range(0, run.Items).Select(_ => hosts.Sandbox.CreateMedia(run.Provider)).ToList();

        // Every admitted call is slowed; refused ones are answered at once, as a provider's edge refuses them.
        account.InjectFault(SandboxFault.Latency(run.Latency), times: run.Items);
        var quota = account.SetQuota(run.QuotaPerSecond, Math.Max(1, (int)run.QuotaPerSecond));
        var removedTarget = account.MediaRemoved + run.Items;
        using var trace = traced ? StorageTrace.Start() : null;
        using var probe = new PacingProbe();
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in ids.Chunk(DeletionBatch.MaxItems))
        {
            await PostAsync(hosts.Http, chunk);
        }

        var allDeleted = account.WaitForMediaRemovedAsync(removedTarget);
        // Without a budget a job may take many times its ideal; it is cut off and reported as unfinished. A paced job
        // that overruns this far is broken and stops the run.
        var guard = run.Budget is null && run.Provider != ProviderKind.Aws ? run.Ideal * 2 + TimeSpan.FromMinutes(1) : run.Ideal * 4 + TimeSpan.FromMinutes(3);
        var finished = true;
        var failed = 0;
        var nextReport = ReportEvery;
        while (!allDeleted.IsCompleted)
        {
            await Task.WhenAny(allDeleted, Task.Delay(TimeSpan.FromSeconds(1)));
            failed = await hosts.EndedUndeletedAsync();
            var deletedSoFar = run.Items - ids.Count(account.HasMedia);
            if (deletedSoFar + failed >= run.Items)
            {
                break;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > guard)
            {
                if (run.Budget is not null || run.Provider == ProviderKind.Aws)
                {
                    throw new TimeoutException($"{run}: {deletedSoFar} deleted and {failed} failed after {elapsed}; the run is stuck.");
                }

                finished = false;
                break;
            }

            if (elapsed >= nextReport)
            {
                nextReport += ReportEvery;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {elapsed.TotalSeconds:0}s: {deletedSoFar:N0} deleted, {failed:N0} failed, {quota.Admitted:N0} admitted, {quota.Refused:N0} refused, rescheduled: {probe.Reschedules()}"));
            }
        }

        var total = Stopwatch.GetElapsedTime(started);
        var breakdown = trace?.Table();
        account.ClearQuota();
        account.ClearFaults();
        return new QuotaResult(run, total, quota.Admitted, quota.Refused, ids.Count(id => !account.HasMedia(id)), failed, finished, breakdown, probe.Reschedules(), probe.Lateness());
    }

    private static string TenantDocument(QuotaRun run)
    {
        var budget = run.Budget is { } rate ? string.Create(CultureInfo.InvariantCulture, $",\"requestsPerSecond\":{rate}") : string.Empty;
        return run.Provider switch
        {
            ProviderKind.Meta =>
                $$$"""{"provider":"meta","apiKeySha256":"{{{DemoApiKeySha256}}}"{{{budget}}},"credentials":{"accessToken":"{{{SandboxAccounts.Meta.AccessToken}}}"}}""",
            ProviderKind.Aws =>
                $$$"""{"provider":"aws","apiKeySha256":"{{{DemoApiKeySha256}}}","phone":"{{{SandboxAccounts.Aws.PhoneNumberId}}}"{{{budget}}},"credentials":{"accessKeyId":"{{{SandboxAccounts.Aws.AccessKeyId}}}","secretAccessKey":"{{{SandboxAccounts.Aws.SecretAccessKey}}}","region":"{{{SandboxAccounts.Aws.Region}}}"}}""",
            _ => throw new NotSupportedException($"The quota scenario has no tenant document for {run.Provider}."),
        };
    }

    private static async Task PostAsync(HttpClient http, string[] mediaIds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{Tenant}/media/deletions")
        {
            Content = JsonContent.Create(new { items = mediaIds.Select(id => new { mediaId = id }) }),
        };
        request.Headers.Add("X-Api-Key", LoadHost.DemoApiKey);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The bulk POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

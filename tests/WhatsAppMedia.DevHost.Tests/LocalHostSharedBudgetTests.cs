using System.Net;
using System.Net.Http.Json;
using WhatsAppMedia.Sandbox;
using Xunit.Abstractions;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Two local hosts, as two scaled-out instances, on one queue, one Azurite and one sandbox: a bulk job of one paced
/// tenant is released at the tenant's rate however the hosts share it, against a provider account that allows exactly
/// what the service promises to send at that rate: every item is deleted once and at most 5 % of provider requests are
/// refused.
/// </summary>
public class LocalHostSharedBudgetTests(LocalEnvironment environment, ITestOutputHelper output) : IClassFixture<LocalEnvironment>
{
    private const string Tenant = "shared-aws";
    private const double RequestsPerSecond = 25;
    private const int Items = 250;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private static readonly string TenantDocument =
        $$$"""{"provider":"aws","apiKeySha256":"{{{IntegratorTenantsFixture.ApiKeySha256}}}","phone":"{{{SandboxAccounts.Aws.PhoneNumberId}}}","requestsPerSecond":{{{RequestsPerSecond}}},"credentials":{"accessKeyId":"{{{SandboxAccounts.Aws.AccessKeyId}}}","secretAccessKey":"{{{SandboxAccounts.Aws.SecretAccessKey}}}","region":"{{{SandboxAccounts.Aws.Region}}}"}}""";

    [Fact]
    public async Task Two_hosts_draining_one_paced_bulk_job_keep_the_tenants_rate_and_delete_each_item_once()
    {
        var queue = $"shared-{Guid.NewGuid():N}"[..24];
        string[] overrides = [$"--Tenants:{Tenant}={TenantDocument}"];
        await using var first = await environment.StartHostAsync(queue, overrides);
        await using var second = await environment.StartHostAsync(queue, overrides);
        var aws = environment.Sandbox.Aws;
        var mediaIds = Enumerable.Range(0, Items).Select(_ => environment.Sandbox.CreateMedia(ProviderKind.Aws)).ToList();
        var requestsBefore = aws.RequestsSeen;
        var removedBefore = aws.MediaRemoved;

        // The provider account allows exactly what the service promises to send at the tenant's budget (docs/pacing.md,
        // "Why the budget holds within one second's worth of requests"): at most rate × (T + 1) + 1 in any T seconds,
        // which is a token bucket refilled at the rate and holding one second's worth plus one.
        var quota = aws.SetQuota(RequestsPerSecond, (int)RequestsPerSecond + 1);

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{Tenant}/media/deletions")
        {
            Content = JsonContent.Create(new { items = mediaIds.Select(id => new { mediaId = id }) }),
        };
        post.Headers.Add("X-Api-Key", LocalHost.DemoApiKey);
        using var accepted = await first.Http.SendAsync(post);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        try
        {
            await aws.WaitForMediaRemovedAsync(removedBefore + Items).WaitAsync(Guard);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"{mediaIds.Count(aws.HasMedia)} of {Items} media left; {aws.RequestsSeen - requestsBefore} requests, {quota.Admitted} admitted, {quota.Refused} refused; "
                + $"handled {first.Progress.Handled} + {second.Progress.Handled}; failed {(await first.QueueNamed(queue + "-failed").PeekAsync(32)).Count}");
        }

        var requests = aws.Requests.Where(request => mediaIds.Any(id => (request.Path + request.Query + request.Body).Contains(id, StringComparison.Ordinal))).ToList();
        aws.ClearQuota();
        output.WriteLine($"{requests.Count} provider requests, {quota.Admitted} admitted, {quota.Refused} refused");
        mediaIds.ShouldAllBe(id => !aws.HasMedia(id));
        quota.Refused.ShouldBeLessThanOrEqualTo((quota.Admitted + quota.Refused) / 20, "at most 5 % of provider requests refused");
        requests.Count.ShouldBe(Items + (int)quota.Refused, "one admitted request per item: nothing sent twice");
    }
}

using System.Net;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// A tenant document that is present but unusable (docs/formats.md, "Tenant document") is a permanent operator error: 500
/// <c>tenant_misconfigured</c> without <c>Retry-After</c>, a detail naming the field and no value, and
/// <c>-failed</c> on the queue; never the 503 that tells callers to retry forever.
/// </summary>
[Collection(IntegratorTenantsCollection.Name)]
public class LocalHostMisconfiguredTenantTests(IntegratorTenantsFixture host)
{
    private readonly IntegratorCalls _calls = new(host);

    /// <summary>Per provider: the broken tenant, the field its document lacks, and a value in it that must not be repeated.</summary>
    public static TheoryData<string, ProviderKind, string, string> BrokenTenants => new()
    {
        { "broken-meta", ProviderKind.Meta, "credentials.accessToken", "v23.0" },
        { "broken-aws", ProviderKind.Aws, "credentials.secretAccessKey", "AKIAEXAMPLE000000001" },
        { "broken-nxcloud", ProviderKind.NxCloud, "credentials.accessSecret", "nx-access-key-visible" },
        { "broken-sgc", ProviderKind.SmsGatewayCenter, "credentials.password", "sgc-user-visible" },
    };

    [Theory]
    [MemberData(nameof(BrokenTenants))]
    public async Task A_delete_for_an_unusable_document_answers_500_tenant_misconfigured_naming_the_field_only(
        string tenant, ProviderKind kind, string field, string value)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        var requestsBefore = host.Sandbox.State(kind).RequestsSeen;

        using var response = await _calls.DeleteAsync(tenant, mediaId);

        var problem = await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.InternalServerError, "tenant_misconfigured");
        response.Headers.RetryAfter.ShouldBeNull();
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain(field);
        detail.ShouldNotContain(value);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(value);
        host.Sandbox.State(kind).RequestsSeen.ShouldBe(requestsBefore);
    }

    [Theory]
    [MemberData(nameof(BrokenTenants))]
    public async Task A_queued_deletion_for_an_unusable_document_lands_in_failed_as_tenant_misconfigured(
        string tenant, ProviderKind kind, string field, string value)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);

        await _calls.ProcessAsync(new DeletionMessage(tenant, mediaId));

        var entry = (await _calls.FailedEntryForAsync(mediaId)).ShouldNotBeNull();
        entry.Code.ShouldBe("tenant_misconfigured");
        entry.Detail.ShouldContain(field);
        entry.Detail.ShouldNotContain(value);
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeTrue();
    }

    [Fact]
    public async Task The_bulk_endpoint_answers_500_tenant_misconfigured_too_and_queues_nothing()
    {
        using var response = await _calls.QueueBatchAsync("broken-aws", new { items = new[] { new { mediaId = "abc123", phone = "phone-number-id-1" } } });

        await IntegratorCalls.ShouldBeProblemAsync(response, HttpStatusCode.InternalServerError, "tenant_misconfigured");
        response.Headers.RetryAfter.ShouldBeNull();
    }
}

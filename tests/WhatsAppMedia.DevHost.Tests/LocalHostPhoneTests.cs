using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>
/// Which phone a call uses (docs/api.md, "Which phone a call uses"), over the local host's real port and queue against
/// the sandbox: the request's, batch's, item's or message's phone, else the tenant's; none at all is
/// <c>phone_required</c> where the provider needs one; Meta never gets the tenant's phone.
/// </summary>
[Collection(IntegratorTenantsCollection.Name)]
public class LocalHostPhoneTests(IntegratorTenantsFixture host)
{
    private const string AwsPhone = SandboxAccounts.Aws.PhoneNumberId;
    private const string NxCloudPhone = SandboxAccounts.NxCloud.BusinessPhone;

    private readonly IntegratorCalls _calls = new(host);

    [Fact]
    public async Task An_aws_tenant_without_a_default_phone_deletes_with_the_phone_the_request_names()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.Aws);

        using var response = await _calls.DeleteAsync("acme-aws", mediaId, phone: AwsPhone);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("deleted");
        host.Sandbox.Aws.HasMedia(mediaId).ShouldBeFalse();
        host.Sandbox.Aws.Requests.Single(request => request.Query.Contains(mediaId, StringComparison.Ordinal))
            .Query.ShouldContain("originationPhoneNumberId=" + AwsPhone);
    }

    [Fact]
    public async Task An_nxcloud_tenant_without_a_default_phone_deletes_with_the_phone_the_request_names()
    {
        var mediaId = host.Sandbox.CreateMedia(ProviderKind.NxCloud);

        using var response = await _calls.DeleteAsync("acme-nxcloud", mediaId, phone: NxCloudPhone);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Sandbox.NxCloud.HasMedia(mediaId).ShouldBeFalse();
        host.Sandbox.NxCloud.Requests.Single(request => request.Body.Contains(mediaId, StringComparison.Ordinal))
            .Body.ShouldContain($"\"business_phone\":\"{NxCloudPhone}\"");
    }

    /// <summary>Per provider: a tenant without <c>phone</c> and a request without one.</summary>
    [Theory]
    [InlineData("acme-meta", ProviderKind.Meta, HttpStatusCode.OK, null)]
    [InlineData("acme-aws", ProviderKind.Aws, HttpStatusCode.BadRequest, "phone_required")]
    [InlineData("acme-nxcloud", ProviderKind.NxCloud, HttpStatusCode.BadRequest, "phone_required")]
    [InlineData("acme-sgc", ProviderKind.SmsGatewayCenter, HttpStatusCode.OK, null)]
    public async Task Without_a_phone_anywhere_providers_that_need_one_answer_phone_required_without_calling_the_provider(
        string tenant, ProviderKind kind, HttpStatusCode status, string? code)
    {
        var mediaId = host.Sandbox.CreateMedia(kind);
        var requestsBefore = host.Sandbox.State(kind).RequestsSeen;

        using var response = await _calls.DeleteAsync(tenant, mediaId);

        if (code is null)
        {
            response.StatusCode.ShouldBe(status);
            host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeFalse();
            return;
        }

        await IntegratorCalls.ShouldBeProblemAsync(response, status, code);
        host.Sandbox.State(kind).RequestsSeen.ShouldBe(requestsBefore, "nothing is sent without the phone the provider needs");
        host.Sandbox.State(kind).HasMedia(mediaId).ShouldBeTrue();
    }

    [Theory]
    [InlineData("acme-aws", ProviderKind.Aws, AwsPhone)]
    [InlineData("acme-nxcloud", ProviderKind.NxCloud, NxCloudPhone)]
    public async Task A_batch_uses_the_items_phone_else_the_batchs_and_refuses_items_with_none(string tenant, ProviderKind kind, string phone)
    {
        var byItem = host.Sandbox.CreateMedia(kind);
        var byBatch = host.Sandbox.CreateMedia(kind);
        var settledBefore = host.Progress.Settled;

        using var refused = await _calls.QueueBatchAsync(tenant, new { items = new[] { new { mediaId = byItem } } });
        using var accepted = await _calls.QueueBatchAsync(tenant, new
        {
            items = new object[] { new { mediaId = byItem, phone }, new { mediaId = byBatch } },
            phone,
        });
        await host.Progress.WaitForSettledAsync(settledBefore + 2).WaitAsync(TimeSpan.FromMinutes(2));

        var problem = await IntegratorCalls.ShouldBeProblemAsync(refused, HttpStatusCode.BadRequest, "phone_required");
        problem.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("phone_required");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        host.Sandbox.State(kind).HasMedia(byItem).ShouldBeFalse();
        host.Sandbox.State(kind).HasMedia(byBatch).ShouldBeFalse();
    }

    [Theory]
    [InlineData("acme-aws", ProviderKind.Aws, AwsPhone)]
    [InlineData("acme-nxcloud", ProviderKind.NxCloud, NxCloudPhone)]
    public async Task A_queue_message_uses_its_phone_and_one_with_no_phone_anywhere_lands_in_failed_as_phone_required(
        string tenant, ProviderKind kind, string phone)
    {
        var withPhone = host.Sandbox.CreateMedia(kind);
        var withoutPhone = host.Sandbox.CreateMedia(kind);
        var requestsBefore = host.Sandbox.State(kind).RequestsSeen;

        await _calls.ProcessAsync(new DeletionMessage(tenant, withoutPhone));
        host.Sandbox.State(kind).RequestsSeen.ShouldBe(requestsBefore, "nothing is sent without the phone the provider needs");
        await _calls.ProcessAsync(new DeletionMessage(tenant, withPhone, phone));

        host.Sandbox.State(kind).HasMedia(withPhone).ShouldBeFalse();
        host.Sandbox.State(kind).HasMedia(withoutPhone).ShouldBeTrue();
        (await _calls.FailedEntryForAsync(withoutPhone)).ShouldNotBeNull().Code.ShouldBe("phone_required");
    }

    [Fact]
    public async Task Media_a_customer_sent_is_deleted_for_a_meta_tenant_with_a_default_phone_which_is_not_sent()
    {
        var mediaId = host.Sandbox.CreateReceivedMedia(ProviderKind.Meta);

        using var response = await _calls.DeleteAsync(IntegratorTenantsFixture.MetaTenantWithPhone, mediaId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
        host.Sandbox.Meta.Requests.Single(request => request.Path.Contains(mediaId, StringComparison.Ordinal))
            .Query.ShouldNotContain("phone_number_id");
    }

    [Fact]
    public async Task A_phone_the_request_names_is_still_sent_to_meta_and_still_checked()
    {
        var received = host.Sandbox.CreateReceivedMedia(ProviderKind.Meta);
        var owned = host.Sandbox.CreateMedia(ProviderKind.Meta, ownerPhone: SandboxAccounts.Meta.PhoneNumberId);

        using var refused = await _calls.DeleteAsync(IntegratorTenantsFixture.MetaTenantWithPhone, received, phone: SandboxAccounts.Meta.PhoneNumberId);
        using var deleted = await _calls.DeleteAsync("acme-meta", owned, phone: SandboxAccounts.Meta.PhoneNumberId);

        var problem = await IntegratorCalls.ShouldBeProblemAsync(refused, HttpStatusCode.BadGateway, "provider_rejected");
        problem.GetProperty("detail").GetString()!.ShouldContain("not a valid whatsapp business phone number id");
        host.Sandbox.Meta.HasMedia(received).ShouldBeTrue();
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Sandbox.Meta.Requests.Single(request => request.Path.Contains(owned, StringComparison.Ordinal))
            .Query.ShouldBe("?phone_number_id=" + SandboxAccounts.Meta.PhoneNumberId);
    }

    [Fact]
    public async Task A_queued_deletion_of_media_a_customer_sent_does_not_apply_the_meta_tenants_phone()
    {
        var mediaId = host.Sandbox.CreateReceivedMedia(ProviderKind.Meta);

        await _calls.ProcessAsync(new DeletionMessage(IntegratorTenantsFixture.MetaTenantWithPhone, mediaId));

        host.Sandbox.Meta.HasMedia(mediaId).ShouldBeFalse();
        (await _calls.FailedEntryForAsync(mediaId)).ShouldBeNull();
    }
}

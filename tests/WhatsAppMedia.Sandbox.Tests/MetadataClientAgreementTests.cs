using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// The core's own metadata clients against the imitations: what the real client sends, each imitation accepts, and
/// what each imitation answers, the real client reads (the hand-built tests check each rule on its own).
/// </summary>
public sealed class MetadataClientAgreementTests : SandboxOfItsOwn
{
    private readonly List<HttpClient> _clients = [];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _clients.ForEach(client => client.Dispose());
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task Meta_metadata_reads_type_hash_size_and_url()
    {
        var content = SandboxMediaContent.Generated(12_345, "application/pdf", seed: 1);
        var mediaId = Sandbox.CreateMedia(ProviderKind.Meta, SandboxAccounts.Meta.PhoneNumberId, content);
        var provider = Meta();

        var answer = await provider.SendGetMetadataAsync(new MediaTarget(mediaId, SandboxAccounts.Meta.PhoneNumberId), new MetaCredentials(SandboxAccounts.Meta.AccessToken));

        answer.Failure.ShouldBeNull();
        var metadata = answer.Metadata.ShouldNotBeNull();
        (metadata.MimeType, metadata.Sha256, metadata.FileSize).ShouldBe(("application/pdf", content.Sha256, 12_345L));
        new Uri(metadata.Url.ShouldNotBeNull()).AbsolutePath.ShouldBe("/meta/lookaside/whatsapp_business/attachments/");
    }

    [Fact]
    public async Task Aws_metadata_signed_over_the_body_is_accepted_and_read()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.Aws, SandboxAccounts.Aws.PhoneNumberId, SandboxMediaContent.Generated(777, "audio/ogg"));
        var provider = Aws();
        var credentials = new AwsCredentials(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey, null, SandboxAccounts.Aws.Region);

        var answer = await provider.SendGetMetadataAsync(new MediaTarget(mediaId, SandboxAccounts.Aws.PhoneNumberId), credentials);

        answer.Failure.ShouldBeNull();
        var metadata = answer.Metadata.ShouldNotBeNull();
        // 777 bytes are 1 KB on the wire, which the core reads as 1024 bytes.
        (metadata.MimeType, metadata.FileSize, metadata.Url).ShouldBe(("audio/ogg", 1024L, (string?)null));
    }

    [Fact]
    public async Task NxCloud_getMedia_signed_by_the_core_is_accepted_and_read()
    {
        var mediaId = Sandbox.CreateMedia(ProviderKind.NxCloud, SandboxAccounts.NxCloud.BusinessPhone, SandboxMediaContent.Generated(100, "image/webp"));
        var provider = NxCloud();

        var answer = await provider.SendGetMetadataAsync(
            new MediaTarget(mediaId, SandboxAccounts.NxCloud.BusinessPhone),
            new NxCloudCredentials(SandboxAccounts.NxCloud.AccessKey, SandboxAccounts.NxCloud.AccessSecret));

        answer.Failure.ShouldBeNull();
        var metadata = answer.Metadata.ShouldNotBeNull();
        metadata.MimeType.ShouldBe("image/webp");
        new Uri(metadata.Url.ShouldNotBeNull()).AbsolutePath.ShouldBe($"/nxcloud/oss/{mediaId}");
    }

    [Fact]
    public async Task Unknown_media_is_classified_as_not_found_by_each_client()
    {
        var meta = await Meta().SendGetMetadataAsync(
            new MediaTarget("1999999999999999", null), new MetaCredentials(SandboxAccounts.Meta.AccessToken));
        var aws = await Aws().SendGetMetadataAsync(
            new MediaTarget("ffffffffffffffffffffffffffffffff", SandboxAccounts.Aws.PhoneNumberId),
            new AwsCredentials(SandboxAccounts.Aws.AccessKeyId, SandboxAccounts.Aws.SecretAccessKey, null, SandboxAccounts.Aws.Region));

        meta.Failure.ShouldNotBeNull().Outcome.ShouldBe(ProviderOutcome.NotFound);
        aws.Failure.ShouldNotBeNull().Outcome.ShouldBe(ProviderOutcome.NotFound);
    }

    // Built as the provider registrations build them: the base URL is the typed client's BaseAddress
    // (Meta, NxCloud), AWS's endpoint its options' (merged by issue14 when main's provider modules came in).
    private MetaMediaProvider Meta() =>
        new(Client(ProviderKind.Meta), Options.Create(new MetaOptions { BaseUrl = Sandbox.BaseUrlFor(ProviderKind.Meta) }), Clock);

    private AwsMediaProvider Aws() => new(Http, Options.Create(new AwsOptions { Endpoint = Sandbox.BaseUrlFor(ProviderKind.Aws) }), Clock);

    private NxCloudMediaProvider NxCloud() => new(Client(ProviderKind.NxCloud), Clock);

    private HttpClient Client(ProviderKind kind)
    {
        var client = new HttpClient { BaseAddress = EndpointPolicy.AsBaseAddress(Sandbox.BaseUrlFor(kind)) };
        _clients.Add(client);
        return client;
    }
}

using System.Net;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>
/// GetWhatsAppMessageMedia's <c>fileSize</c> is "The size of the media file, in KB"
/// (https://docs.aws.amazon.com/social-messaging/latest/APIReference/API_GetWhatsAppMessageMedia.html); the provider
/// hands it on in bytes, KB × 1024.
/// </summary>
public sealed class AwsMetadataFileSizeTests(AwsSandboxFixture fixture) : IClassFixture<AwsSandboxFixture>
{
    private const string Phone = SandboxAccounts.Aws.PhoneNumberId;

    [Fact]
    public async Task The_documented_answer_in_KB_becomes_bytes()
    {
        using var handler = RecordingHandler.Answering(HttpStatusCode.OK, """{"fileSize":2048,"mimeType":"video/mp4"}""");
        var provider = new AwsMediaProvider(
            new HttpClient(handler, disposeHandler: false),
            Options.Create(new AwsOptions { Endpoint = new Uri("https://social-messaging.us-east-1.amazonaws.com") }),
            fixture.Clock);

        var answer = await provider.SendGetMetadataAsync(new MediaTarget("3f5a1b2c4d6e7f8091a2b3c4d5e6f708", Phone), AwsSandboxFixture.Credentials);

        answer.Failure.ShouldBeNull();
        answer.Metadata.ShouldNotBeNull().FileSize.ShouldBe(2_097_152L);
    }

    [Fact]
    public async Task The_sandboxs_size_in_KB_rounded_up_becomes_bytes()
    {
        var mediaId = fixture.Sandbox.CreateMedia(ProviderKind.Aws, Phone, SandboxMediaContent.Generated(5_000, "application/pdf"));

        var answer = await fixture.Provider().SendGetMetadataAsync(new MediaTarget(mediaId, Phone), AwsSandboxFixture.Credentials);

        // 5 000 bytes are 5 KB on the wire (4.88, rounded up), so 5 120 bytes: approximate, never less than the file.
        answer.Metadata.ShouldNotBeNull().FileSize.ShouldBe(5_120L);
    }
}

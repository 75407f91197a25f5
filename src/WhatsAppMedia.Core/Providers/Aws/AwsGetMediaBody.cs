using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// The JSON body of <c>GetWhatsAppMessageMedia</c> (<c>POST /v1/whatsapp/media/get</c>) as the service sends it: only
/// metadata, never a copy into S3 (docs/providers/aws.md, "Retrieve metadata").
/// </summary>
/// <param name="MediaId">The validated media id.</param>
/// <param name="OriginationPhoneNumberId">The validated phone number id or its ARN.</param>
/// <param name="MetadataOnly">Always true: without it AWS copies the file into S3 (<c>destinationS3File</c>).</param>
internal sealed record AwsGetMediaBody(
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("originationPhoneNumberId")] string OriginationPhoneNumberId,
    [property: JsonPropertyName("metadataOnly")] bool MetadataOnly = true);

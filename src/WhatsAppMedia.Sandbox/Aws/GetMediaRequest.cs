using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// The JSON body of GetWhatsAppMessageMedia as the sandbox reads it: <c>mediaId</c> and
/// <c>originationPhoneNumberId</c> strings, <c>metadataOnly</c> a boolean, and the S3 destinations only to say the
/// sandbox has no S3. Anything that is not such an object is AWS's SerializationException.
/// </summary>
internal sealed record GetMediaRequest(string? MediaId, string? OriginationPhoneNumberId, bool MetadataOnly, bool NamesS3Destination)
{
    /// <summary>Reads the (already buffered) body; returns the request, or the SerializationException message.</summary>
    public static async Task<(GetMediaRequest? Request, string? Problem)> ReadAsync(HttpRequest request)
    {
        if (request.ContentType is not { } contentType || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Content-Type must be application/json.");
        }

        request.Body.Position = 0;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object.");
            }

            string? mediaId = null, phone = null;
            var metadataOnly = false;
            var namesS3 = false;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "mediaId" when property.Value.ValueKind == JsonValueKind.String:
                        mediaId = property.Value.GetString();
                        break;
                    case "originationPhoneNumberId" when property.Value.ValueKind == JsonValueKind.String:
                        phone = property.Value.GetString();
                        break;
                    case "metadataOnly" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        metadataOnly = property.Value.GetBoolean();
                        break;
                    case "destinationS3File" or "destinationS3PresignedUrl":
                        namesS3 = true;
                        break;
                    case "mediaId" or "originationPhoneNumberId" or "metadataOnly":
                        return (null, $"'{property.Name}' has the wrong type.");
                    default:
                        // AWS's JSON protocols ignore members they do not know.
                        break;
                }
            }

            return (new GetMediaRequest(mediaId, phone, metadataOnly, namesS3), null);
        }
    }

    /// <summary>Without <c>metadataOnly: true</c> AWS copies the file into S3 and needs a destination; the sandbox has no S3.</summary>
    public string? DestinationProblem()
    {
        if (MetadataOnly)
        {
            return null;
        }

        return NamesS3Destination
            ? "The sandbox does not imitate delivery into S3 (destinationS3File, destinationS3PresignedUrl): send metadataOnly: true."
            : "1 validation error detected: without metadataOnly, one of destinationS3File or destinationS3PresignedUrl is required.";
    }
}

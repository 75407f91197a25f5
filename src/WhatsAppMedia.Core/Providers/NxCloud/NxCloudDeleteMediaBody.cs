using System.Buffers;
using System.Text.Json;

namespace WhatsAppMedia.Core.Providers.NxCloud;

/// <summary>
/// The deleteMedia body, <c>{"business_phone":"…","Media-ID":"…","messaging_product":"whatsapp"}</c>, written once
/// to bytes: those same bytes are signed and sent, so nothing can re-serialise them differently in between.
/// </summary>
internal static class NxCloudDeleteMediaBody
{
    /// <summary>Writes the body for identifiers that have already passed <see cref="NxCloudIdentifiers"/>.</summary>
    public static byte[] Serialize(string businessPhone, string mediaId)
    {
        ArgumentNullException.ThrowIfNull(businessPhone);
        ArgumentNullException.ThrowIfNull(mediaId);

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(NxCloudProtocol.BusinessPhoneKey, businessPhone);
            writer.WriteString(NxCloudProtocol.MediaIdKey, mediaId);
            writer.WriteString(NxCloudProtocol.MessagingProductKey, NxCloudProtocol.MessagingProduct);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// An entry of <c>{queue}-failed</c> (docs/formats.md, "-failed entry"): the original text, why it failed, and when. <see cref="MessageTruncated"/>
/// is true (and written) only when <see cref="Message"/> is not the original text because the entry would not have fit
/// the queue (<see cref="FailedEntryFitter"/>).
/// </summary>
internal sealed record FailedDeletion(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("failedAt")] DateTimeOffset FailedAt,
    [property: JsonPropertyName("messageTruncated"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool MessageTruncated = false)
{
    public string ToJson() => JsonSerializer.Serialize(this, DeletionJsonContext.Default.FailedDeletion);

    public static FailedDeletion? FromJson(string json) => JsonSerializer.Deserialize(json, DeletionJsonContext.Default.FailedDeletion);
}

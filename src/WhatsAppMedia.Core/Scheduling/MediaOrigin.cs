namespace WhatsAppMedia.Core.Scheduling;

/// <summary>How a registered media id came to the business (docs/scheduling.md, "Retention"); providers keep the two for different times.</summary>
public enum MediaOrigin
{
    /// <summary>The business uploaded it (<c>uploaded</c>): the id an upload returned.</summary>
    Uploaded,

    /// <summary>A customer sent it and the id arrived in a webhook (<c>received</c>).</summary>
    Received,
}

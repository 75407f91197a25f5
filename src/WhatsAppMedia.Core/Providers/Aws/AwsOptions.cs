namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>AWS End User Messaging Social settings (<c>Providers__Aws__*</c>).</summary>
public sealed class AwsOptions
{
    /// <summary>
    /// An endpoint that replaces <c>https://social-messaging.{region}.amazonaws.com</c> for every tenant, for example a
    /// local sandbox. Default: unset.
    /// </summary>
    public Uri? Endpoint { get; set; }
}

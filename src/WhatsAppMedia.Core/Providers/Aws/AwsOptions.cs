namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>AWS End User Messaging Social settings, section <c>Providers:Aws</c> (<c>Providers__Aws__*</c>), checked by <see cref="AwsOptionsValidator"/> at start.</summary>
internal sealed class AwsOptions
{
    public const string SectionName = "Providers:Aws";

    /// <summary>
    /// An endpoint that replaces <c>https://social-messaging.{region}.amazonaws.com</c> for every tenant, for example a
    /// local sandbox.
    /// </summary>
    /// <value>Default: unset (each tenant's regional endpoint).</value>
    public Uri? Endpoint { get; set; }
}

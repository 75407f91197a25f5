namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>SMSGatewayCenter settings, section <c>Providers:SmsGatewayCenter</c> (<c>Providers__SmsGatewayCenter__*</c>), checked by <see cref="SmsGatewayCenterOptionsValidator"/> at start.</summary>
internal sealed class SmsGatewayCenterOptions
{
    public const string SectionName = "Providers:SmsGatewayCenter";

    /// <summary>The API base URL.</summary>
    /// <value>Default <c>https://unify.smsgateway.center</c>.</value>
    public Uri BaseUrl { get; set; } = new(SmsGatewayCenterDefaults.BaseUrl);
}

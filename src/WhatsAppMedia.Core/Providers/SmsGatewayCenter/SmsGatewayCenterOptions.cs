namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>SMSGatewayCenter settings (<c>Providers__SmsGatewayCenter__*</c>).</summary>
public sealed class SmsGatewayCenterOptions
{
    /// <summary>The API base URL. Default <c>https://unify.smsgateway.center</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://unify.smsgateway.center");
}

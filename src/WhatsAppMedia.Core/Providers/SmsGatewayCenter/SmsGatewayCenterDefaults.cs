namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>The defaults of <see cref="SmsGatewayCenterOptions"/>, stated once (README.md, "Configuration").</summary>
internal static class SmsGatewayCenterDefaults
{
    public const string BaseUrl = "https://unify.smsgateway.center";
}

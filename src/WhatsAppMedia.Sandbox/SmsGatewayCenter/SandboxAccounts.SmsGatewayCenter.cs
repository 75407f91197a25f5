namespace WhatsAppMedia.Sandbox;

/// <summary>The sandbox's SMSGatewayCenter account (<see cref="SandboxAccounts"/>).</summary>
public static partial class SandboxAccounts
{
    public static class SmsGatewayCenter
    {
        /// <summary>The tenant of <c>local.settings.sample.json</c> that uses this account.</summary>
        public const string DemoTenant = "demo-sgc";

        public const string ApiKey = "sandboxsgcapikey0001";
        public const string UserId = "sandboxuser";

        /// <summary>Holds characters that must be percent-encoded in a query string, so encoding is exercised.</summary>
        public const string Password = "sand box&p@ss=1";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["4829173650192837465", "4829173650192837466", "4829173650192837467"];
    }
}

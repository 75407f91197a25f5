namespace WhatsAppMedia.Sandbox;

/// <summary>The sandbox's Meta account (<see cref="SandboxAccounts"/>).</summary>
public static partial class SandboxAccounts
{
    public static class Meta
    {
        /// <summary>The tenant of <c>local.settings.sample.json</c> that uses this account.</summary>
        public const string DemoTenant = "demo-meta";

        public const string AccessToken = "EAASandboxMetaAccessToken0001";
        public const string PhoneNumberId = "106540352242922";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["1013859600285441", "1013859600285442", "1013859600285443"];
    }
}

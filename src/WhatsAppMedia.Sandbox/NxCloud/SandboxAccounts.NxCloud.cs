namespace WhatsAppMedia.Sandbox;

/// <summary>The sandbox's NxCloud account (<see cref="SandboxAccounts"/>).</summary>
public static partial class SandboxAccounts
{
    public static class NxCloud
    {
        /// <summary>The tenant of <c>local.settings.sample.json</c> that uses this account.</summary>
        public const string DemoTenant = "demo-nxcloud";

        public const string AccessKey = "sandboxnxaccesskey";
        public const string AccessSecret = "sandboxnxaccesssecret";
        public const string BusinessPhone = "8613800138000";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["6a1f0c52-8d1e-4f0a-9a51-0c0b6f1d2e01", "6a1f0c52-8d1e-4f0a-9a51-0c0b6f1d2e02", "6a1f0c52-8d1e-4f0a-9a51-0c0b6f1d2e03"];
    }
}

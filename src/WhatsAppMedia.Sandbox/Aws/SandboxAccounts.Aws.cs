namespace WhatsAppMedia.Sandbox;

/// <summary>The sandbox's AWS End User Messaging Social account (<see cref="SandboxAccounts"/>).</summary>
public static partial class SandboxAccounts
{
    public static class Aws
    {
        /// <summary>The tenant of <c>local.settings.sample.json</c> that uses this account.</summary>
        public const string DemoTenant = "demo-aws";

        public const string AccessKeyId = "AKIASANDBOX000000001";
        public const string SecretAccessKey = "sandbox/Secret/Access/Key/000000000000000";
        public const string Region = "us-east-1";
        public const string PhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef";

        /// <summary>Temporary credentials: an <c>ASIA</c> key, good only together with <see cref="SessionToken"/>.</summary>
        public const string TemporaryAccessKeyId = "ASIASANDBOX000000001";
        public const string TemporarySecretAccessKey = "sandbox/Temporary/Secret/Key/000000000000";
        public const string SessionToken = "IQoJb3JpZ2luX2VjESandboxSessionToken/0001+example==";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["3f5a1b2c4d6e7f8091a2b3c4d5e6f708", "3f5a1b2c4d6e7f8091a2b3c4d5e6f709", "3f5a1b2c4d6e7f8091a2b3c4d5e6f70a"];
    }
}

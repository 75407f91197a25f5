namespace WhatsAppMedia.Sandbox;

/// <summary>
/// The accounts every sandbox accepts from the start, and the demo media it can seed. The local settings sample
/// points its demo tenants at these, so a fresh clone works with no real provider account. None of them is a secret.
/// </summary>
public static class SandboxAccounts
{
    public static class Meta
    {
        public const string AccessToken = "EAASandboxMetaAccessToken0001";
        public const string PhoneNumberId = "106540352242922";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["1013859600285441", "1013859600285442", "1013859600285443"];
    }

    public static class Aws
    {
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

    public static class NxCloud
    {
        public const string AccessKey = "sandboxnxaccesskey";
        public const string AccessSecret = "sandboxnxaccesssecret";
        public const string BusinessPhone = "8613800138000";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["6a1f0c52-8d1e-4f0a-9a51-0c0b6f1d2e01", "6a1f0c52-8d1e-4f0a-9a51-0c0b6f1d2e02", "6a1f0c52-8d1e-4f0a-9a51-0c0b6f1d2e03"];
    }

    public static class SmsGatewayCenter
    {
        public const string ApiKey = "sandboxsgcapikey0001";
        public const string UserId = "sandboxuser";

        /// <summary>Holds characters that must be percent-encoded in a query string, so encoding is exercised.</summary>
        public const string Password = "sand box&p@ss=1";
        public static readonly IReadOnlyList<string> DemoMediaIds = ["4829173650192837465", "4829173650192837466", "4829173650192837467"];
    }
}

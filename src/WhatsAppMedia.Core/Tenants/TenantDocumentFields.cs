namespace WhatsAppMedia.Core.Tenants;

/// <summary>The JSON field names of the tenant document (docs/formats.md, "Tenant document"), shared by the parser, the writer and the CLI.</summary>
public static class TenantDocumentFields
{
    public const string Provider = "provider";
    public const string ApiKeySha256 = "apiKeySha256";
    public const string Phone = "phone";
    public const string Credentials = "credentials";

    public const string AccessToken = "accessToken";
    public const string GraphVersion = "graphVersion";
    public const string AccessKeyId = "accessKeyId";
    public const string SecretAccessKey = "secretAccessKey";
    public const string SessionToken = "sessionToken";
    public const string Region = "region";
    public const string AccessKey = "accessKey";
    public const string AccessSecret = "accessSecret";
    public const string ApiKey = "apiKey";
    public const string UserId = "userId";
    public const string Password = "password";

    /// <summary>The dotted path of a field inside <c>credentials</c>, as error messages name it.</summary>
    public static string InCredentials(string field) => Credentials + "." + field;
}

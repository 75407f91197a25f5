using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Where the queue service is and how to authorize against it. Holds the account key or the token credential, so it
/// has no public accessor for either, and <see cref="ToString"/> shows only the endpoint and the method.
/// </summary>
public sealed class QueueStorageConnection
{
    /// <summary>The scope every Azure Storage bearer token is requested for.</summary>
    public const string StorageTokenScope = "https://storage.azure.com/.default";

    private readonly byte[]? _accountKey;
    private readonly TokenCredential? _credential;

    private QueueStorageConnection(
        Uri queueServiceUri,
        QueueStorageAuthentication authentication,
        string? accountName,
        byte[]? accountKey,
        TokenCredential? credential,
        string? managedIdentityClientId)
    {
        QueueServiceUri = queueServiceUri;
        Authentication = authentication;
        AccountName = accountName;
        _accountKey = accountKey;
        _credential = credential;
        ManagedIdentityClientId = managedIdentityClientId;
    }

    /// <summary>The queue service endpoint without query or trailing slash (path-style, ending in the account, for the emulator).</summary>
    public Uri QueueServiceUri { get; }

    public QueueStorageAuthentication Authentication { get; }

    /// <summary>The storage account name, for shared-key connections.</summary>
    public string? AccountName { get; }

    /// <summary>The user-assigned identity's client id, when one was configured; not a secret.</summary>
    public string? ManagedIdentityClientId { get; }

    /// <summary>A connection whose requests are signed with the account key.</summary>
    /// <param name="queueServiceUri">The queue endpoint; https, or http to a loopback host or the emulator account.</param>
    /// <param name="accountName">The storage account name.</param>
    /// <param name="accountKey">The base64 account key.</param>
    /// <exception cref="ArgumentException">Any of them is unusable; the message never repeats the key.</exception>
    public static QueueStorageConnection WithSharedKey(Uri queueServiceUri, string accountName, string accountKey)
    {
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(accountName);
        ArgumentNullException.ThrowIfNull(accountKey);
        ThrowIfProblem(AccountNameProblem(accountName), nameof(accountName));
        var key = DecodeAccountKey(accountKey);
        ThrowIfProblem(key is null ? AccountKeyProblem : null, nameof(accountKey));
        ThrowIfProblem(EndpointProblem(queueServiceUri, IsPlainHttpAllowed(queueServiceUri, accountName)), nameof(queueServiceUri));
        return new QueueStorageConnection(
            Normalize(queueServiceUri), QueueStorageAuthentication.SharedKey, accountName, key, credential: null, managedIdentityClientId: null);
    }

    /// <summary>A connection whose requests carry a bearer token from <paramref name="credential"/>.</summary>
    /// <exception cref="ArgumentException">The endpoint is not https (bearer tokens never travel in the clear).</exception>
    public static QueueStorageConnection WithTokenCredential(Uri queueServiceUri, TokenCredential credential) =>
        WithTokenCredential(queueServiceUri, credential, QueueStorageAuthentication.TokenCredential, managedIdentityClientId: null);

    internal static QueueStorageConnection WithTokenCredential(
        Uri queueServiceUri,
        TokenCredential credential,
        QueueStorageAuthentication authentication,
        string? managedIdentityClientId)
    {
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        ThrowIfProblem(EndpointProblem(queueServiceUri, allowPlainHttp: false), nameof(queueServiceUri));
        return new QueueStorageConnection(
            Normalize(queueServiceUri), authentication, accountName: null, accountKey: null, credential, managedIdentityClientId);
    }

    /// <summary>The token credential of an identity-based connection (for tests: which kind the settings selected).</summary>
    internal TokenCredential? Credential => _credential;

    /// <summary>The policy that authorizes each attempt of a request; it runs after the date header is set.</summary>
    internal HttpPipelinePolicy CreateAuthorizationPolicy() =>
        _credential is not null
            ? new BearerTokenAuthenticationPolicy(_credential, StorageTokenScope)
            : new StorageSharedKeyPolicy(AccountName!, _accountKey!);

    public override string ToString() =>
        ManagedIdentityClientId is null
            ? $"{QueueServiceUri} ({Authentication})"
            : $"{QueueServiceUri} ({Authentication}, client id {ManagedIdentityClientId})";

    internal const string AccountKeyProblem = "the account key is not valid base64";

    internal static byte[]? DecodeAccountKey(string accountKey)
    {
        var buffer = new byte[accountKey.Length];
        return Convert.TryFromBase64String(accountKey, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    /// <summary>Azure's rule: 3 to 24 lowercase letters and digits.</summary>
    internal static string? AccountNameProblem(string accountName) =>
        accountName.Length is >= 3 and <= 24 && accountName.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            ? null
            : "the account name must be 3 to 24 lowercase letters and digits";

    /// <summary>
    /// Plain http is for the emulator: loopback hosts, or the emulator's well-known account (which also runs as a
    /// container named, for example, <c>azurite</c>). A real account's signatures and tokens need TLS.
    /// </summary>
    internal static bool IsPlainHttpAllowed(Uri uri, string accountName) =>
        uri.IsLoopback || string.Equals(accountName, DevelopmentStorage.AccountName, StringComparison.Ordinal);

    internal static string? EndpointProblem(Uri uri, bool allowPlainHttp)
    {
        if (!uri.IsAbsoluteUri
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "the queue endpoint must be an absolute URI without user info, query or fragment";
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && allowPlainHttp))
        {
            return null;
        }

        return allowPlainHttp || uri.Scheme != Uri.UriSchemeHttp
            ? "the queue endpoint must use http or https"
            : "the queue endpoint must use https (plain http is only for the storage emulator or a loopback host, and never with a token)";
    }

    private static void ThrowIfProblem(string? problem, string parameterName)
    {
        if (problem is not null)
        {
            throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".", parameterName);
        }
    }

    private static Uri Normalize(Uri uri) => new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute);
}

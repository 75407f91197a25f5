using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Testing.Hosting;

namespace WhatsAppMedia.Testing.KeyVault;

/// <summary>
/// A local Key Vault for the real <see cref="SecretClient"/>: HTTPS on 127.0.0.1 with a certificate made for it, the
/// bearer challenge flow (401 with <c>WWW-Authenticate</c>, then the token of <see cref="Credential"/>), get and set
/// secret with Key Vault's own bodies and errors (a disabled secret's get is 403 with inner error <c>SecretDisabled</c>),
/// a read count per secret, and injectable faults.
/// Start one per test class (or test); clients from <see cref="CreateSecretClient(int)"/> trust exactly its certificate.
/// </summary>
public sealed partial class KeyVaultStandIn : IAsyncDisposable
{
    /// <summary>The resource Key Vault's challenge names; the credential issues tokens for its <c>/.default</c> scope only.</summary>
    public const string Resource = "https://vault.azure.net";

    private const string SecretsPrefix = "/secrets/";

    /// <summary>The names the stand-in's refusals quote, as a real vault quotes the caller and itself (made up, never a real tenant's).</summary>
    private const string VaultName = "stand-in-vault";
    private const string StandInAppId = "00000000-0000-0000-0000-0000000000a1";
    private const string StandInObjectId = "00000000-0000-0000-0000-0000000000b2";
    private const string StandInDirectoryId = "00000000-0000-0000-0000-000000000001";

    private readonly WebApplication _app;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, StoredSecret> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, StoredSecret> _deleted = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<KeyVaultFault> _nextFaults = new();
    private readonly List<(int Total, TaskCompletionSource Reached)> _readWatchers = [];
    private readonly HttpClient _httpClient;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _accessToken = "stand-in-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private KeyVaultFault? _persistentFault;
    private KeyVaultFault? _persistentWriteFault;
    private TaskCompletionSource _readGate = OpenGate();
    private int _totalReads;
    private int _challenges;

    private KeyVaultStandIn(WebApplication app, X509Certificate2 certificate, TimeProvider timeProvider)
    {
        _app = app;
        _timeProvider = timeProvider;
        Certificate = certificate;
        VaultUri = app.BaseAddress();
        Credential = new StandInTokenCredential(_accessToken, Resource + "/.default");
        _httpClient = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = IsThisCertificate },
        });
    }

    /// <summary>The vault's URI, for example <c>https://127.0.0.1:51234/</c>.</summary>
    public Uri VaultUri { get; }

    /// <summary>The certificate the stand-in serves; only clients that trust exactly this one can talk to it.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Issues the one token the stand-in accepts.</summary>
    public StandInTokenCredential Credential { get; }

    /// <summary>Reads of any secret that got past authentication, faulted ones included.</summary>
    public int TotalReads => Volatile.Read(ref _totalReads);

    /// <summary>How many 401 challenges were sent.</summary>
    public int Challenges => Volatile.Read(ref _challenges);

    public static async Task<KeyVaultStandIn> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        timeProvider ??= TimeProvider.System;
        var certificate = StandInCertificate.Create();
        var app = LoopbackWebApplication.CreateBuilder(listen => listen.UseHttps(certificate)).Build();

        KeyVaultStandIn? standIn = null;
        app.Run(context => standIn!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        standIn = new KeyVaultStandIn(app, certificate, timeProvider);
        return standIn;
    }

    /// <summary>
    /// A real <see cref="SecretClient"/> for this vault: challenge authentication with <see cref="Credential"/>, TLS
    /// trusting only <see cref="Certificate"/>, and by default no retries and tiny delays so fault tests stay fast.
    /// Challenge resource verification is off: it requires the vault host to be a subdomain of the challenge's
    /// resource (<c>*.vault.azure.net</c>), which 127.0.0.1 cannot be.
    /// </summary>
    public SecretClient CreateSecretClient(int maxRetries = 0) => new(VaultUri, Credential, CreateClientOptions(maxRetries));

    /// <summary>A real client for this vault with the caller's options (for example the production ones), pointed at the stand-in.</summary>
    public SecretClient CreateSecretClient(SecretClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Transport = new HttpClientTransport(_httpClient);
        options.DisableChallengeResourceVerification = true;
        return new SecretClient(VaultUri, Credential, options);
    }

    /// <summary>
    /// A real client for this vault with the caller's options and credential, for a test of where the token comes from
    /// (the credential must produce the token of <see cref="Credential"/>, for example through a managed-identity stand-in).
    /// </summary>
    public SecretClient CreateSecretClient(SecretClientOptions options, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        options.Transport = new HttpClientTransport(_httpClient);
        options.DisableChallengeResourceVerification = true;
        return new SecretClient(VaultUri, credential, options);
    }

    /// <summary>The client options behind <see cref="CreateSecretClient(int)"/>, for callers that build their own client.</summary>
    public SecretClientOptions CreateClientOptions(int maxRetries = 0)
    {
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(_httpClient),
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.Mode = RetryMode.Fixed;
        return options;
    }

    /// <summary>Stores a secret directly, as if an operator had set it.</summary>
    public void SetSecret(string name, string value) => _secrets[name] = NewVersion(value, contentType: null);

    /// <summary>
    /// Turns a secret's <c>enabled</c> attribute off or on, as <c>az keyvault secret set-attributes --enabled</c> does.
    /// A disabled secret stays listed but its value cannot be read.
    /// </summary>
    /// <returns>False when there is no such secret.</returns>
    public bool SetEnabled(string name, bool enabled)
    {
        while (_secrets.TryGetValue(name, out var secret))
        {
            if (_secrets.TryUpdate(name, secret with { Enabled = enabled }, secret))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The current value of a secret, or null.</summary>
    public string? GetSecret(string name) => _secrets.TryGetValue(name, out var secret) ? secret.Value : null;

    public bool DeleteSecret(string name) => _secrets.TryRemove(name, out _);

    /// <summary>Whether <paramref name="name"/> was deleted through the API and is held as a recoverable deleted secret.</summary>
    public bool IsSoftDeleted(string name) => _deleted.ContainsKey(name);

    /// <summary>Authenticated reads of one secret, faulted ones included.</summary>
    public int ReadCount(string name) => _reads.TryGetValue(name, out var count) ? count : 0;

    /// <summary>Completes once <see cref="TotalReads"/> reaches <paramref name="total"/>: lets a test wait for reads to arrive without sleeping.</summary>
    public Task WhenTotalReadsReachAsync(int total)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_readWatchers)
        {
            if (TotalReads >= total)
            {
                return Task.CompletedTask;
            }

            _readWatchers.Add((total, reached));
        }

        return reached.Task;
    }

    /// <summary>Authenticated writes of one secret, faulted ones included.</summary>
    public int WriteCount(string name) => _writes.TryGetValue(name, out var count) ? count : 0;

    /// <summary>Answers the next <paramref name="times"/> authenticated requests with <paramref name="fault"/>.</summary>
    public void FailNext(KeyVaultFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _nextFaults.Enqueue(fault);
        }
    }

    /// <summary>Answers every authenticated request with <paramref name="fault"/> until <see cref="ClearFaults"/>.</summary>
    public void FailAlways(KeyVaultFault fault) => _persistentFault = fault;

    /// <summary>
    /// Holds every read (after it is counted) until <see cref="ResumeReads"/>, so a test can have many lookups waiting
    /// on one read at the same time without timing tricks.
    /// </summary>
    public void PauseReads() => Interlocked.Exchange(ref _readGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ResumeReads() => Volatile.Read(ref _readGate).TrySetResult();

    /// <summary>Answers every authenticated write with <paramref name="fault"/> until <see cref="ClearFaults"/>; reads still work.</summary>
    public void FailWrites(KeyVaultFault fault) => _persistentWriteFault = fault;

    public void ClearFaults()
    {
        _persistentFault = null;
        _persistentWriteFault = null;
        _nextFaults.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        // Held and hanging requests would otherwise keep the server from stopping.
        ResumeReads();
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _httpClient.Dispose();
        _stopping.Dispose();
        Certificate.Dispose();
    }

    private bool IsThisCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null
        && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
        && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(Certificate.GetCertHash(HashAlgorithmName.SHA256));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Headers.Authorization.ToString().Equals("Bearer " + _accessToken, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _challenges);
            context.Response.Headers.WWWAuthenticate =
                $"Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", resource=\"{Resource}\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
            return;
        }

        if (string.IsNullOrEmpty(request.Query["api-version"]))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The request URI must contain an api-version.");
            return;
        }

        var path = request.Path.Value ?? string.Empty;

        // List Secrets (GET /secrets) and Delete Secret (DELETE /secrets/{name}), as tenant list and tenant remove use them.
        if (path.TrimEnd('/') == "/secrets" && HttpMethods.IsGet(request.Method))
        {
            await ListSecretsAsync(context);
            return;
        }

        if (HttpMethods.IsDelete(request.Method) && path.StartsWith(SecretsPrefix, StringComparison.Ordinal))
        {
            await DeleteSecretAsync(context, path[SecretsPrefix.Length..].TrimEnd('/'));
            return;
        }

        var segments = path.StartsWith(SecretsPrefix, StringComparison.Ordinal)
            ? path[SecretsPrefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries)
            : [];
        if (segments.Length is < 1 or > 2 || !SecretNamePattern().IsMatch(segments[0]))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The request URI is not a secret operation this vault supports.");
            return;
        }

        var name = segments[0];
        var isRead = HttpMethods.IsGet(request.Method);
        var isWrite = HttpMethods.IsPut(request.Method) && segments.Length == 1;
        if (isRead)
        {
            _reads.AddOrUpdate(name, 1, (_, count) => count + 1);
            NotifyReadWatchers(Interlocked.Increment(ref _totalReads));
        }
        else if (isWrite)
        {
            _writes.AddOrUpdate(name, 1, (_, count) => count + 1);
        }
        else
        {
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "The method is not supported here.");
            return;
        }

        if (isRead)
        {
            using var heldUntil = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Volatile.Read(ref _readGate).Task.WaitAsync(heldUntil.Token);
        }

        if (((isWrite ? _persistentWriteFault : null) ?? TakeFault()) is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return;
        }

        if (isRead)
        {
            await ReadSecretAsync(context, name, segments.Length == 2 ? segments[1] : null);
        }
        else
        {
            await WriteSecretAsync(context, name);
        }
    }

    private void NotifyReadWatchers(int totalReads)
    {
        lock (_readWatchers)
        {
            foreach (var watcher in _readWatchers.Where(watcher => watcher.Total <= totalReads).ToList())
            {
                watcher.Reached.TrySetResult();
                _readWatchers.Remove(watcher);
            }
        }
    }

    private static TaskCompletionSource OpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private KeyVaultFault? TakeFault() => _nextFaults.TryDequeue(out var fault) ? fault : _persistentFault;

    private async Task ReadSecretAsync(HttpContext context, string name, string? version)
    {
        if (!_secrets.TryGetValue(name, out var secret) || (version is not null && !string.Equals(version, secret.Version, StringComparison.Ordinal)))
        {
            await WriteErrorAsync(
                context,
                StatusCodes.Status404NotFound,
                "SecretNotFound",
                $"A secret with (name/id) {name} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.");
            return;
        }

        if (!secret.Enabled)
        {
            // Key Vault's answer for a disabled secret, as seen in https://github.com/Azure/azure-sdk-for-js/issues/24756
            // and https://github.com/Azure/azure-sdk-for-java/issues/17991: 403, code Forbidden, inner error SecretDisabled.
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled");
            return;
        }

        await WriteSecretBodyAsync(context, name, secret);
    }

    private async Task WriteSecretAsync(HttpContext context, string name)
    {
        string? value = null;
        string? contentType = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("value", out var valueElement)
                && valueElement.ValueKind == JsonValueKind.String)
            {
                value = valueElement.GetString();
                contentType = body.RootElement.TryGetProperty("contentType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Answered below like any body without a value.
        }

        if (value is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "Property 'value' is required and must be a string.");
            return;
        }

        var secret = NewVersion(value, contentType);
        _secrets[name] = secret;
        await WriteSecretBodyAsync(context, name, secret);
    }

    private async Task ListSecretsAsync(HttpContext context)
    {
        if (TakeFault() is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("value");
        foreach (var (name, secret) in _secrets.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", new Uri(VaultUri, $"secrets/{name}").ToString());
            WriteAttributes(writer, secret);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNull("nextLink");
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>Soft delete, as every vault now does: the secret is gone from reads and kept as recoverable.</summary>
    private async Task DeleteSecretAsync(HttpContext context, string name)
    {
        if (TakeFault() is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return;
        }

        if (!SecretNamePattern().IsMatch(name) || !_secrets.TryRemove(name, out var secret))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
            return;
        }

        _deleted[name] = secret;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("recoveryId", new Uri(VaultUri, $"deletedsecrets/{name}").ToString());
        writer.WriteNumber("deletedDate", _timeProvider.GetUtcNow().ToUnixTimeSeconds());
        writer.WriteNumber("scheduledPurgeDate", _timeProvider.GetUtcNow().AddDays(90).ToUnixTimeSeconds());
        writer.WriteString("id", new Uri(VaultUri, $"secrets/{name}/{secret.Version}").ToString());
        WriteAttributes(writer, secret);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteAttributes(Utf8JsonWriter writer, StoredSecret secret)
    {
        writer.WriteStartObject("attributes");
        writer.WriteBoolean("enabled", secret.Enabled);
        writer.WriteNumber("created", secret.Updated.ToUnixTimeSeconds());
        writer.WriteNumber("updated", secret.Updated.ToUnixTimeSeconds());
        writer.WriteString("recoveryLevel", "Recoverable+Purgeable");
        writer.WriteNumber("recoverableDays", 90);
        writer.WriteEndObject();
    }

    private async Task WriteSecretBodyAsync(HttpContext context, string name, StoredSecret secret)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("value", secret.Value);
        if (secret.ContentType is not null)
        {
            writer.WriteString("contentType", secret.ContentType);
        }

        writer.WriteString("id", new Uri(VaultUri, $"secrets/{name}/{secret.Version}").ToString());
        WriteAttributes(writer, secret);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task WriteFaultAsync(HttpContext context, KeyVaultFault fault)
    {
        switch (fault.Kind)
        {
            case KeyVaultFaultKind.Throttle:
                var seconds = (int)Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Throttled", "Request was not processed because too many requests were received.");
                break;
            case KeyVaultFaultKind.ServerError:
                await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalServerError", "An unexpected error occurred.");
                break;
            case KeyVaultFaultKind.Refuse:
                await WriteErrorAsync(
                    context,
                    StatusCodes.Status403Forbidden,
                    "Forbidden",
                    $"The user, group or application 'appid={StandInAppId};oid={StandInObjectId};iss=https://sts.windows.net/{StandInDirectoryId}/' does not have secrets get permission on key vault '{VaultName};location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287",
                    "AccessDenied");
                break;
            case KeyVaultFaultKind.RefuseByRbac:
                await WriteErrorAsync(
                    context,
                    StatusCodes.Status403Forbidden,
                    "Forbidden",
                    "Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n"
                        + $"Caller: appid={StandInAppId};oid={StandInObjectId};iss=https://sts.windows.net/{StandInDirectoryId}/\r\n"
                        + "Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\n"
                        + $"Resource: '/subscriptions/00000000-0000-0000-0000-000000000002/resourcegroups/rg-stand-in/providers/microsoft.keyvault/vaults/{VaultName}/secrets/{SecretNameOf(context)}'\r\n"
                        + $"Assignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: {VaultName};location=westeurope\r\n",
                    "ForbiddenByRbac");
                break;
            case KeyVaultFaultKind.Outage:
                context.Abort();
                break;
            case KeyVaultFaultKind.Hang:
                try
                {
                    using var hangUntil = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                    await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, hangUntil.Token);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up (the point of a hang) or the stand-in is stopping.
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault.");
        }
    }

    /// <summary>Key Vault's error body, <c>{"error":{"code","message","innererror":{"code"}}}</c>, the inner error only when given.</summary>
    private static async Task WriteErrorAsync(HttpContext context, int status, string code, string message, string? innerCode = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        if (innerCode is not null)
        {
            writer.WriteStartObject("innererror");
            writer.WriteString("code", innerCode);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private StoredSecret NewVersion(string value, string? contentType) =>
        new(value, contentType, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), _timeProvider.GetUtcNow(), Enabled: true);

    private static string SecretNameOf(HttpContext context) =>
        context.Request.Path.Value is { } path && path.StartsWith(SecretsPrefix, StringComparison.Ordinal)
            ? path[SecretsPrefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty
            : string.Empty;

    [GeneratedRegex(@"^[0-9a-zA-Z-]{1,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SecretNamePattern();

    private sealed record StoredSecret(string Value, string? ContentType, string Version, DateTimeOffset Updated, bool Enabled);
}

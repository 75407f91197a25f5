using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core;
using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Testing.Providers;

/// <summary>
/// A fifth, test-only provider, written only against the public provider extension points (<see cref="IProviderDefinition"/>,
/// <see cref="IMediaProvider"/>, <see cref="ProviderCredentials"/>), as a new provider would be. It relays deletions to the
/// sandbox's Meta imitation (<c>DELETE {BaseUrl}/v23.0/{mediaId}</c> with a bearer token), so a test can prove the
/// registry alone makes a provider reachable from the tenant document, the CLI and the HTTP API.
/// </summary>
/// <param name="name">Its wire name; default <c>relay</c>.</param>
public sealed class TestProviderDefinition(string name = "relay") : IProviderDefinition
{
    public const string TokenField = "token";

    public string Name { get; } = name;

    /// <summary>Its settings section, <c>Providers:Relay</c>: <c>BaseUrl</c>.</summary>
    public string SectionName => "Providers:" + Name;

    public IReadOnlyList<CredentialField> CredentialFields { get; } =
        [new(TokenField, "--" + name + "-token", name + ": bearer token.", IsRequired: true, IsSecret: true)];

    public bool TakesPhone => false;

    public IdentifierError? CheckDefaultPhone(string phone) => null;

    public ProviderCredentials CreateCredentials(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new TestProviderCredentials(Name, fields[TokenField]);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<TestProviderOptions>(Name).BindConfiguration(SectionName);
        services.AddSingleton(this);
        services.AddProviderHttpClient<TestMediaProvider>(provider => provider.GetRequiredService<IOptionsMonitor<TestProviderOptions>>().Get(Name).BaseUrl);
    }
}

/// <summary>The test provider's settings.</summary>
public sealed class TestProviderOptions
{
    public Uri? BaseUrl { get; set; }
}

/// <summary>The test provider's one credential, a bearer token.</summary>
public sealed record TestProviderCredentials(string ProviderName, string Token) : ProviderCredentials
{
    public override string Provider => ProviderName;

    public override Core.Tenants.TenantDocumentError? Problem() =>
        Token.Any(char.IsWhiteSpace) ? Core.Tenants.TenantDocumentError.For("credentials." + TestProviderDefinition.TokenField, "must not contain whitespace") : null;

    public override IEnumerable<KeyValuePair<string, string?>> ToDocumentFields() => [new(TestProviderDefinition.TokenField, Token)];

    public override string ToString() => $"TestProviderCredentials {{ Token = {Redacted} }}";
}

/// <summary>The test provider on the wire: Meta's delete call, read with the plainest classification.</summary>
internal sealed class TestMediaProvider(HttpClient httpClient, TestProviderDefinition definition) : IMediaProvider
{
    public string Provider => definition.Name;

    public IdentifierError? Validate(MediaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.MediaId is { Length: > 0 and <= 32 } id && id.All(char.IsAsciiDigit)
            ? null
            : new IdentifierError(ErrorCodes.InvalidMediaId, "A relay media id is 1 to 32 ASCII digits.");
    }

    public async Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = ((TestProviderCredentials)credentials).Token;
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("v23.0/" + Uri.EscapeDataString(target.MediaId), UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await httpClient.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        var outcome = status switch
        {
            >= 200 and < 300 => ProviderOutcome.Deleted,
            404 => ProviderOutcome.NotFound,
            _ => ProviderOutcome.Rejected,
        };
        return new ProviderAnswer(outcome, status);
    }
}

using WhatsAppMedia.Core.Providers;
using Fields = WhatsAppMedia.Core.Tenants.TenantDocumentFields;

namespace WhatsAppMedia.Cli;

/// <summary>
/// The per-provider fields of the tenant document the CLI writes and shows: <c>--phone</c>, then each registered
/// provider's <see cref="IProviderDefinition.CredentialFields"/>. The one list both <c>tenant add</c> and <c>tenant show</c>
/// follow; it names no provider, so a provider added to the registry is offered here without a change.
/// </summary>
internal sealed class CredentialFields
{
    public static readonly CredentialField Phone = new(
        Fields.Phone, false, "--phone", "Default phone identity (optional), used when a call names none: aws originationPhoneNumberId, nxcloud business_phone. Never applied to meta (media customers sent belong to no business number).", IsSecret: false);

    private readonly Dictionary<IProviderDefinition, IReadOnlyList<CredentialField>> _byProvider = [];

    /// <summary>One field per option: providers that share an option name (and so a document field name) share the field.</summary>
    public CredentialFields(ProviderRegistry providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var byOption = new Dictionary<string, CredentialField> { [Phone.OptionName] = Phone };
        foreach (var provider in providers.All)
        {
            var fields = new List<CredentialField>();
            if (provider.TakesPhone)
            {
                fields.Add(Phone);
            }

            foreach (var field in provider.CredentialFields)
            {
                if (!byOption.TryGetValue(field.OptionName, out var shared))
                {
                    shared = new CredentialField(field.Name, true, field.OptionName, field.Description, field.IsSecret);
                    byOption.Add(field.OptionName, shared);
                }

                fields.Add(shared);
            }

            _byProvider[provider] = fields;
        }

        Providers = providers;
        All = [.. byOption.Values];
    }

    public ProviderRegistry Providers { get; }

    public IReadOnlyList<CredentialField> All { get; }

    /// <summary>The fields <paramref name="provider"/> takes.</summary>
    public IReadOnlyList<CredentialField> Of(IProviderDefinition provider) => _byProvider[provider];

    /// <summary>
    /// The fields <paramref name="provider"/> cannot do without (<see cref="Core.Providers.CredentialField.IsRequired"/>).
    /// A rule across fields, such as SMSGatewayCenter's "an API key, or a user id with a password", is left to the
    /// document parser, which says which is missing.
    /// </summary>
    public IReadOnlyList<CredentialField> RequiredBy(IProviderDefinition provider) =>
        [.. provider.CredentialFields.Where(field => field.IsRequired).Select(field => Of(provider).First(candidate => candidate.OptionName == field.OptionName))];
}

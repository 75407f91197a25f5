using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Receipts;

internal sealed partial class ReceiptOptionsValidator : IValidateOptions<ReceiptOptions>
{
    public ValidateOptionsResult Validate(string? name, ReceiptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ReceiptOptions.SectionName;
        if (options.Retention < TimeSpan.FromDays(1) || options.Retention > TimeSpan.FromDays(36500))
        {
            return ValidateOptionsResult.Fail($"{Section}:{nameof(ReceiptOptions.Retention)} must be between 1.00:00:00 and 36500.00:00:00; it is {options.Retention}.");
        }

        // Key Vault's rule for secret names: https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#objects-identifiers-and-versioning
        return SecretName().IsMatch(options.SigningKeySecretName ?? string.Empty)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Section}:{nameof(ReceiptOptions.SigningKeySecretName)} must be 1 to 127 letters, digits and dashes; it is '{options.SigningKeySecretName}'.");
    }

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$")]
    private static partial Regex SecretName();
}

using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Refuses <c>Providers:Meta</c> settings at start-up rather than at the first request.</summary>
internal sealed class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (EndpointPolicy.Problem(MetaOptions.SectionName + ":BaseUrl", options.BaseUrl) is { } baseUrl)
        {
            failures.Add(baseUrl);
        }

        if (!MetaIdentifiers.IsGraphVersion(options.GraphVersion))
        {
            failures.Add("Providers:Meta:GraphVersion must look like 'v23.0'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

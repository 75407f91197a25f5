using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers;

/// <summary>
/// A provider's options validator: the check every provider shares, that the URL credentials are sent to passes
/// <see cref="EndpointPolicy.Problem"/>, first, then the provider's own checks (<see cref="CheckMore"/>), all refused at
/// start-up rather than at the first request.
/// </summary>
/// <param name="endpointKey">The setting, for example <c>Providers:Meta:BaseUrl</c>.</param>
/// <param name="endpoint">The setting's value in the options.</param>
/// <param name="optional">Whether an unset endpoint is valid (the provider then has a default of its own).</param>
internal abstract class ProviderEndpointValidator<TOptions>(string endpointKey, Func<TOptions, Uri?> endpoint, bool optional = false)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var uri = endpoint(options);
        if ((uri is not null || !optional) && EndpointPolicy.Problem(endpointKey, uri) is { } problem)
        {
            failures.Add(problem);
        }

        CheckMore(failures, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The provider's own checks, each refusal added to <paramref name="failures"/>; none by default.</summary>
    protected virtual void CheckMore(List<string> failures, TOptions options)
    {
    }
}

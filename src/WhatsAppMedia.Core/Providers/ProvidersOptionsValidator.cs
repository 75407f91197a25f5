using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Providers;

/// <summary>Refuses provider settings at start-up rather than at the first request.</summary>
internal sealed class ProvidersOptionsValidator : IValidateOptions<ProvidersOptions>
{
    public ValidateOptionsResult Validate(string? name, ProvidersOptions options)
    {
        var failures = new List<string>();
        CheckEndpoint(failures, "Providers:Meta:BaseUrl", options.Meta.BaseUrl);
        CheckEndpoint(failures, "Providers:Aws:Endpoint", options.Aws.Endpoint);
        CheckEndpoint(failures, "Providers:NxCloud:BaseUrl", options.NxCloud.BaseUrl);
        CheckEndpoint(failures, "Providers:SmsGatewayCenter:BaseUrl", options.SmsGatewayCenter.BaseUrl);

        if (!Meta.MetaIdentifiers.IsGraphVersion(options.Meta.GraphVersion))
        {
            failures.Add("Providers:Meta:GraphVersion must look like 'v23.0'.");
        }

        CheckDownloadHosts(failures, options.Meta);
        if (options.Meta.MaxDownloadBytes <= 0)
        {
            failures.Add("Providers:Meta:MaxDownloadBytes must be a positive number of bytes.");
        }

        var retry = options.Retry;
        if (retry.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Providers:Retry:MaxAttempts must be between 1 and 10.");
        }

        CheckPositive(failures, "Providers:Retry:BaseDelay", retry.BaseDelay);
        CheckPositive(failures, "Providers:Retry:MaxDelay", retry.MaxDelay);
        CheckPositive(failures, "Providers:Retry:AttemptTimeout", retry.AttemptTimeout);
        CheckPositive(failures, "Providers:Retry:TotalBudget", retry.TotalBudget);
        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add("Providers:Retry:MaxDelay must not be shorter than Providers:Retry:BaseDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(List<string> failures, string key, Uri? uri)
    {
        if (uri is not null && !EndpointPolicy.IsAllowed(uri))
        {
            failures.Add($"{key} must be an absolute https URL without query or credentials (http only for loopback addresses).");
        }
    }

    /// <summary>
    /// Each entry must be a bare host name or IP address (no scheme, port, path or userinfo), so that it can only ever be
    /// compared with a URL's host and never widen into a pattern.
    /// </summary>
    private static void CheckDownloadHosts(List<string> failures, Meta.MetaOptions meta)
    {
        if (meta.MediaDownloadHosts is null || meta.DownloadHosts.Count == 0)
        {
            failures.Add("Providers:Meta:MediaDownloadHosts must name at least one host (comma-separated), such as lookaside.fbsbx.com.");
            return;
        }

        foreach (var host in meta.DownloadHosts)
        {
            if (Uri.CheckHostName(host) is UriHostNameType.Unknown or UriHostNameType.Basic)
            {
                // The value is configuration, not a secret, but it is cut so a pasted URL with a query stays out of the log.
                failures.Add($"Providers:Meta:MediaDownloadHosts holds '{(host.Length > 64 ? host[..64] + "…" : host)}', which is not a bare host name or IP address.");
            }
        }
    }

    private static void CheckPositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive.");
        }
    }
}

namespace WhatsAppMedia.Core.Providers.Meta;

/// <summary>Refuses <c>Providers:Meta</c> settings at start-up rather than at the first request.</summary>
internal sealed class MetaOptionsValidator()
    : ProviderEndpointValidator<MetaOptions>(MetaOptions.SectionName + ":BaseUrl", options => options.BaseUrl)
{
    protected override void CheckMore(List<string> failures, MetaOptions options)
    {
        if (!MetaIdentifiers.IsGraphVersion(options.GraphVersion))
        {
            failures.Add("Providers:Meta:GraphVersion must look like 'v23.0'.");
        }

        CheckDownloadHosts(failures, options);
        if (options.MaxDownloadBytes <= 0)
        {
            failures.Add("Providers:Meta:MaxDownloadBytes must be a positive number of bytes.");
        }
    }

    /// <summary>
    /// Each entry must be a bare host name or IP address (no scheme, port, path or userinfo), so that it can only ever be
    /// compared with a URL's host and never widen into a pattern.
    /// </summary>
    private static void CheckDownloadHosts(List<string> failures, MetaOptions options)
    {
        if (options.DownloadHosts.Count == 0)
        {
            failures.Add("Providers:Meta:MediaDownloadHosts must name at least one host (comma-separated), such as lookaside.fbsbx.com.");
            return;
        }

        foreach (var host in options.DownloadHosts)
        {
            if (Uri.CheckHostName(host) is UriHostNameType.Unknown or UriHostNameType.Basic)
            {
                // Configuration, not a secret; cut so a pasted URL with a long query stays out of the log.
                failures.Add($"Providers:Meta:MediaDownloadHosts holds '{(host.Length > 64 ? host[..64] + "…" : host)}', which is not a bare host name or IP address.");
            }
        }
    }
}

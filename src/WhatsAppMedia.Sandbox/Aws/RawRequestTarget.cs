using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace WhatsAppMedia.Sandbox.Aws;

/// <summary>
/// The request target exactly as it came on the wire, split into path and query, rather than the decoded path
/// ASP.NET Core routes on: a signature covers the bytes the client sent.
/// </summary>
internal readonly record struct RawRequestTarget(string Path, string Query)
{
    public static RawRequestTarget Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? string.Concat(context.Request.PathBase, context.Request.Path, context.Request.QueryString);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return queryStart < 0 ? new RawRequestTarget(rawTarget, string.Empty) : new RawRequestTarget(rawTarget[..queryStart], rawTarget[(queryStart + 1)..]);
    }
}

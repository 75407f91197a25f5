namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>
/// The canonical URI of a SigV4 request for every service but S3: the path with dot segments resolved and empty
/// segments dropped, then each segment percent-encoded. The path is taken as it goes on the wire, so a segment that
/// is already percent-encoded is encoded a second time (<c>%2F</c> signs as <c>%252F</c>), as AWS expects outside S3.
/// </summary>
internal static class SigV4CanonicalUri
{
    public static string FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rawSegments = path.Split('/');
        var segments = new List<string>(rawSegments.Length);
        foreach (var segment in rawSegments)
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                default:
                    segments.Add(AwsUriEncoding.Encode(segment));
                    break;
            }
        }

        if (segments.Count == 0)
        {
            return "/";
        }

        // A path that named a directory (trailing slash, or ending in a dot segment) keeps naming one (RFC 3986 §5.2.4).
        var last = rawSegments[^1];
        var trailingSlash = last is "" or "." or ".." ? "/" : string.Empty;
        return "/" + string.Join('/', segments) + trailingSlash;
    }
}

using System.Globalization;
using WhatsAppMedia.Core.Providers.Aws;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>
/// Reads a request of the aws-c-auth suite (<c>request.txt</c>) and signs it with the suite's context, the way a
/// client would: the query's names and values are decoded and encoded again, the path is taken as written.
/// </summary>
internal static class SigV4VectorRequest
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Service = "service";
    public static readonly DateTimeOffset Time = DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture);

    public static SigV4Signature Sign(string requestText, string? sessionToken) =>
        SigV4Signer.Sign(Parse(requestText), new SigV4Credentials(AccessKeyId, SecretAccessKey, sessionToken), Region, Service, Time);

    /// <summary>
    /// Signs a request of a signed-body case the way a client sends a JSON body: the body (after the blank line) and its
    /// <c>Content-Type</c> go through <see cref="SigV4Body.Attach"/>, which adds <c>content-length</c> and
    /// <c>x-amz-content-sha256</c> itself; the request's own <c>Content-Length</c> must agree with the body.
    /// </summary>
    public static SigV4Signature SignWithBody(string requestText)
    {
        var text = requestText.ReplaceLineEndings("\n");
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        var body = System.Text.Encoding.UTF8.GetBytes(text[(blank + 2)..]);
        var parsed = Parse(text[..blank]);
        var contentType = parsed.Headers.Single(header => header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        var contentLength = parsed.Headers.Single(header => header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (contentLength != body.Length.ToString(CultureInfo.InvariantCulture))
        {
            throw new FormatException($"The request's Content-Length {contentLength} does not match its {body.Length}-byte body.");
        }

        var request = parsed with
        {
            Headers = [.. parsed.Headers.Where(header =>
                !header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))],
        };
        return SigV4Signer.Sign(SigV4Body.Attach(request, body, contentType), new SigV4Credentials(AccessKeyId, SecretAccessKey), Region, Service, Time);
    }

    public static SigV4Request Parse(string requestText)
    {
        var lines = requestText.ReplaceLineEndings("\n").Split('\n');

        // The target may hold a raw space ("/example space/"), so the method and version are cut from the ends.
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(' ')];

        string? host = null;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).TakeWhile(line => line.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                host = value;
            }
            else
            {
                headers.Add(new(name, value));
            }
        }

        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? target : target[..queryStart];
        var query = queryStart < 0 ? [] : ParseQuery(target[(queryStart + 1)..]);
        return new SigV4Request(method, host ?? throw new FormatException("The request has no Host header."), path, query, headers);
    }

    private static List<SigV4QueryParameter> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = equals < 0 ? (pair, string.Empty) : (pair[..equals], pair[(equals + 1)..]);
                return SigV4QueryParameter.FromValue(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
            })
            .ToList();
}

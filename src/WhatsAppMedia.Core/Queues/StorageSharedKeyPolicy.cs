using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Signs each attempt with the account key, per "Authorize with Shared Key" (Blob, Queue and File services, version
/// 2009-09-19 and later). The string to sign follows what the Azure SDK's <c>StorageSharedKeyPipelinePolicy</c> builds.
/// </summary>
internal sealed class StorageSharedKeyPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stringToSign = BuildStringToSign(message.Request, accountName);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        message.Request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }

    internal static string BuildStringToSign(Request request, string accountName)
    {
        var headers = request.Headers;
        var builder = new StringBuilder(256);
        builder.Append(request.Method.Method).Append('\n');
        AppendHeader(builder, headers, "Content-Encoding");
        AppendHeader(builder, headers, "Content-Language");
        builder.Append(ContentLength(request)).Append('\n');
        AppendHeader(builder, headers, "Content-MD5");
        AppendHeader(builder, headers, "Content-Type");
        builder.Append('\n'); // Date: left empty because x-ms-date is always sent and takes its place.
        AppendHeader(builder, headers, "If-Modified-Since");
        AppendHeader(builder, headers, "If-Match");
        AppendHeader(builder, headers, "If-None-Match");
        AppendHeader(builder, headers, "If-Unmodified-Since");
        AppendHeader(builder, headers, "Range");
        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request.Uri.ToUri(), accountName);
        return builder.ToString();
    }

    private static void AppendHeader(StringBuilder builder, RequestHeaders headers, string name) =>
        builder.Append(headers.TryGetValue(name, out var value) ? value : string.Empty).Append('\n');

    /// <summary>Empty when there is no body or it is empty (versions 2015-02-21 and later).</summary>
    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;

    private static void AppendCanonicalizedHeaders(StringBuilder builder, Request request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith(StorageHeaders.Prefix, StringComparison.OrdinalIgnoreCase))
            {
#pragma warning disable CA1308 // The specification asks for lowercase header names.
                headers.Add(new(header.Name.ToLowerInvariant(), header.Value));
#pragma warning restore CA1308
            }
        }

        // Ordinal order: the service's order for the x-ms- names this client sends (letters and hyphens only).
        headers.Sort(static (left, right) => string.CompareOrdinal(left.Key, right.Key));
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, Uri uri, string accountName)
    {
        // The path exactly as encoded in the URI; on the emulator it starts with the account name, which therefore
        // appears twice ("/devstoreaccount1/devstoreaccount1/queue"), as the service expects.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");

        var query = uri.Query;
        if (query.Length <= 1)
        {
            return;
        }

        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? string.Empty : pair[(equals + 1)..];
#pragma warning disable CA1308 // The specification asks for lowercase parameter names.
            var name = Uri.UnescapeDataString(rawName).ToLowerInvariant();
#pragma warning restore CA1308
            if (!parameters.TryGetValue(name, out var values))
            {
                values = [];
                parameters.Add(name, values);
            }

            values.Add(Uri.UnescapeDataString(rawValue));
        }

        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            builder.Append('\n').Append(name).Append(':').AppendJoin(',', values);
        }
    }
}

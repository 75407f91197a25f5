using Microsoft.Extensions.Primitives;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// Reads a request's <c>User-Agent</c> as a provider would: how many products it names over all its header lines. A
/// client that adds its product once per call to a shared <see cref="HttpClient"/> sends one line with the product
/// repeated ("App/1.0 App/1.0 …"), so counting lines alone would miss it.
/// </summary>
public static class SandboxUserAgent
{
    /// <summary>Products named (comments such as <c>(+https://…)</c> not counted); 0 for none or an unparsable value.</summary>
    public static int Products(StringValues lines)
    {
        var products = 0;
        foreach (var line in lines)
        {
            using var parsed = new HttpRequestMessage();
            if (string.IsNullOrWhiteSpace(line) || !parsed.Headers.UserAgent.TryParseAdd(line))
            {
                return 0;
            }

            products += parsed.Headers.UserAgent.Count(value => value.Product is not null);
        }

        return products;
    }
}

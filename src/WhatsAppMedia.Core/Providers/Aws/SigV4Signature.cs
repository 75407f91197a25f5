namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>A signed request's headers, and the intermediate texts for tests and diagnosis.</summary>
/// <param name="AmzDate">The <c>X-Amz-Date</c> header value, <c>yyyyMMddTHHmmssZ</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header value.</param>
/// <param name="CanonicalRequest">The canonical request that was signed.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Signature">The lowercase hex signature.</param>
internal sealed record SigV4Signature(string AmzDate, string Authorization, SigV4CanonicalRequest CanonicalRequest, string StringToSign, string Signature)
{
    /// <summary>Leaves out the canonical request: it holds the session token when one is signed.</summary>
    public override string ToString() => $"SigV4Signature {{ AmzDate = {AmzDate}, SignedHeaders = {CanonicalRequest.SignedHeaders}, Signature = {Signature} }}";
}

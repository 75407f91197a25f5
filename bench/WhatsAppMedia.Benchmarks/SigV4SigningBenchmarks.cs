using BenchmarkDotNet.Attributes;
using WhatsAppMedia.Core.Providers.Aws;

namespace WhatsAppMedia.Benchmarks;

/// <summary>
/// SigV4 signing of one DeleteWhatsAppMessageMedia request, done the way <see cref="AwsMediaProvider"/> does it for
/// every attempt: split the wire query, build the canonical request, derive the signing key, sign.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SigV4SigningBenchmarks
{
    private static readonly DateTimeOffset SigningTime = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly Uri _requestUri = new(
        "https://social-messaging.us-east-1.amazonaws.com/v1/whatsapp/media?mediaId=1234567890abcdef&originationPhoneNumberId=phone-number-id-0123456789abcdef0123456789abcdef");

    [Benchmark]
    public object SignDeleteMediaRequest() => SigV4Signer.Sign(
        new SigV4Request("DELETE", _requestUri.Authority, _requestUri.AbsolutePath, SigV4QueryParameter.ParseWire(_requestUri.Query), []),
        SampleTenants.AwsSigningCredentials,
        "us-east-1",
        AwsMediaProvider.SigningName,
        SigningTime);
}

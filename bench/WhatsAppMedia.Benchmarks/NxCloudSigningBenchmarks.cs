using System.Globalization;
using BenchmarkDotNet.Attributes;
using WhatsAppMedia.Core.Providers.NxCloud;

namespace WhatsAppMedia.Benchmarks;

/// <summary>
/// NxCloud's request signing as <see cref="NxCloudMediaProvider"/> does it per attempt: write the deleteMedia body
/// once, then the MD5 <c>sign</c> header over the header values, that body and the secret.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class NxCloudSigningBenchmarks
{
    private const string AccessKey = "benchnxaccesskey";
    private const string AccessSecret = "benchnxaccesssecret";

    private static readonly string Timestamp =
        new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // Instance fields rather than constants, so the JIT cannot fold anything the real caller would compute.
    private readonly string _businessPhone = "8613800138000";
    private readonly string _mediaId = "1234567890123456";
    private byte[] _body = [];

    [GlobalSetup]
    public void WriteBody() => _body = NxCloudDeleteMediaBody.Serialize(_businessPhone, _mediaId);

    /// <summary>Only the signature, over a body written beforehand.</summary>
    [Benchmark(Baseline = true)]
    public string SignBody() =>
        NxCloudSigner.Sign(AccessKey, NxCloudProtocol.DeleteMediaAction, NxCloudProtocol.WhatsAppBizType, Timestamp, _body, AccessSecret);

    /// <summary>What one attempt costs: writing the body, then signing it.</summary>
    [Benchmark]
    public string WriteAndSignBody() => NxCloudSigner.Sign(
        AccessKey,
        NxCloudProtocol.DeleteMediaAction,
        NxCloudProtocol.WhatsAppBizType,
        Timestamp,
        NxCloudDeleteMediaBody.Serialize(_businessPhone, _mediaId),
        AccessSecret);
}

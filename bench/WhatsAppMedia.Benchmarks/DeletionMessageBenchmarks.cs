using BenchmarkDotNet.Attributes;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Benchmarks;

/// <summary>The queue message (docs/formats.md, "Queue message"): written once per queued item, read once per delivery.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class DeletionMessageBenchmarks
{
    private readonly DeletionMessage _message = new(
        "demo-meta",
        "1234567890123456",
        Phone: "106540352242922",
        BatchId: "0f8fad5bd9cb469fa16570867728950e",
        RequestId: "bench-request-0001",
        Attempt: 2);

    private string _json = string.Empty;

    [GlobalSetup]
    public void WriteSampleText() => _json = _message.ToJson();

    [Benchmark]
    public string Serialize() => _message.ToJson();

    [Benchmark]
    public object? Parse() => DeletionMessage.TryParse(_json, out var message, out _) ? message : null;
}

using System.Text;
using BenchmarkDotNet.Attributes;
using WhatsAppMedia.Core.Deletions;
using Azure.Storage.Queues;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Benchmarks;

/// <summary>
/// What refusing non-text strings and fitting -failed entries cost (docs/formats.md): the scan every reader of outside JSON
/// now makes, on the largest bulk body (1,000 items), inside <see cref="DeletionBatch.TryParse"/>, and the worst
/// -failed entry to fit (a message that must be cut, found by binary search).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class HostileTextBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    private byte[] _body = [];
    private FailedDeletion _fits = null!;
    private FailedDeletion _mustBeCut = null!;

    [GlobalSetup]
    public void WriteSamples()
    {
        var items = string.Join(',', Enumerable.Range(0, DeletionBatch.MaxItems).Select(index => $$"""{"mediaId":"{{1013859600000000L + index}}","phone":"106540352242922"}"""));
        _body = Encoding.UTF8.GetBytes($$"""{"items":[{{items}}]}""");
        _fits = new FailedDeletion("""{"tenantId":"nobody-here","mediaId":"1013859600285441"}""", "unknown_tenant", "No such tenant.", At);
        _mustBeCut = new FailedDeletion("{not json " + new string('<', (QueueMessageSize.MaxStoredBytes / 4 * 3) - 20), "malformed_message", "The message is not valid JSON.", At);
    }

    [Benchmark]
    public int ScanThousandItemBody() => JsonStrings.FindNonText(_body).Count;

    [Benchmark]
    public int ParseThousandItemBody() => DeletionBatch.TryParse(_body, out var batch, out _) ? batch.Items.Count : 0;

    [Benchmark]
    public object FitEntryThatFits() => FailedEntryFitter.Fit(_fits, QueueMessageEncoding.Base64);

    [Benchmark]
    public object FitEntryThatMustBeCut() => FailedEntryFitter.Fit(_mustBeCut, QueueMessageEncoding.Base64);
}

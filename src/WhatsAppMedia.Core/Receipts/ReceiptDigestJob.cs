using Microsoft.Extensions.Logging;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// Signs every tenant's chain head that has moved since its last digest (docs/receipts.md, "Signed digests"). Both
/// hosts run it on a schedule: the Functions app from a timer trigger, the local host from a hosted service. A digest is
/// added only if none exists for that receipt, so two instances running at once sign each head once.
/// </summary>
public sealed partial class ReceiptDigestJob
{
    /// <summary>Every 15 minutes (NCRONTAB with seconds): what an auditor can be shown is at most that old.</summary>
    public const string Schedule = "0 */15 * * * *";

    /// <summary>The period of <see cref="Schedule"/>, for the local host's timer.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    private readonly TableReceiptStore _store;
    private readonly IReceiptSigningKeySource _keys;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ReceiptDigestJob> _logger;

    // Internal: it takes Core's internal services, so the hosts get it from AddMediaDeletionServices.
    internal ReceiptDigestJob(TableReceiptStore store, IReceiptSigningKeySource keys, TimeProvider timeProvider, ILogger<ReceiptDigestJob> logger)
    {
        _store = store;
        _keys = keys;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Signs the heads not signed yet; returns how many digests it added.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var key = await _keys.GetAsync(cancellationToken);
        if (key is null)
        {
            LogNoKey(_keys.Description);
            return 0;
        }

        var signed = 0;
        await foreach (var head in _store.ListHeadsAsync(cancellationToken))
        {
            if (head.Sequence < 1)
            {
                continue;
            }

            var json = ReceiptChain.Serialize(new ReceiptDigest(head.TenantId, head.Sequence, head.Hash, _timeProvider.GetUtcNow().ToUniversalTime(), ReceiptDigest.Es256, key.KeyId));
            if (await _store.TryAddDigestAsync(head.TenantId, head.Sequence, json, key.Sign(json), cancellationToken))
            {
                signed++;
            }
        }

        if (signed > 0)
        {
            LogSigned(signed, key.KeyId);
        }

        return signed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receipt digests: signed {Count} chain head(s) with key {KeyId}.")]
    private partial void LogSigned(int count, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receipt digests: nothing signed, {Source}; receipts are chained but not signed.")]
    private partial void LogNoKey(string source);
}

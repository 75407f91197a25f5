using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Batches;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>
/// Puts messages from <c>{queue}-failed</c> or <c>{queue}-poison</c> back on the work queue (docs/architecture.md, "Queue") with
/// <c>attempt</c> reset to 0. Each message's batch item goes back to pending first, then the message is copied to the
/// work queue, then deleted from its source: a crash between copy and delete leaves a duplicate (deleting twice is
/// harmless) and loses nothing.
/// </summary>
/// <remarks>
/// The source is read with Get Messages, which hides each received message for <see cref="Lease"/>, so one run sees
/// every message once; a message it leaves (another tenant's, an unreadable one, all of them on a dry run, or the rest
/// of a run that failed) is made visible again at the end with Update Message (visibility 0).
/// </remarks>
public sealed class QueueRedrive
{
    private readonly QueueServiceClient _queues;
    private readonly IDeletionQueue _work;
    private readonly IBatchStore _batches;
    private readonly IOptions<MediaDeletionOptions> _options;

    // Internal: it takes Core's internal services, so the hosts get it from AddMediaDeletionServices (docs/architecture.md, "Projects").
    internal QueueRedrive(QueueServiceClient queues, IDeletionQueue work, IBatchStore batches, IOptions<MediaDeletionOptions> options)
    {
        _queues = queues;
        _work = work;
        _batches = batches;
        _options = options;
    }

    /// <summary>Long enough for a run over a large queue; a crashed run's leftovers reappear by themselves after it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The service's maximum per Get Messages call.</summary>
    private const int PageSize = 32;

    /// <param name="source">Which queue to empty.</param>
    /// <param name="tenantId">Only this tenant's messages; null for all.</param>
    /// <param name="dryRun">Count only: nothing is copied, deleted or reset.</param>
    /// <param name="cancellationToken">Stops between messages; what was moved stays moved.</param>
    /// <exception cref="Azure.RequestFailedException">Storage refused or failed a call; what was moved before it stays moved.</exception>
    public async Task<RedriveReport> RunAsync(RedriveSource source, string? tenantId, bool dryRun, CancellationToken cancellationToken = default)
    {
        var name = source == RedriveSource.Failed ? _options.Value.FailedQueue : _options.Value.PoisonQueue;
        var queue = _queues.GetQueueClient(name);
        var moved = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unreadable = 0;
        // Every received message not yet deleted from the source: whatever stops the run, these are made visible again.
        var held = new Dictionary<string, QueueMessage>(StringComparer.Ordinal);
        if (!await queue.ExistsAsync(cancellationToken))
        {
            return new RedriveReport(moved, 0);
        }

        try
        {
            while (true)
            {
                var page = (await queue.ReceiveMessagesAsync(PageSize, Lease, cancellationToken)).Value;
                if (page.Length == 0)
                {
                    break;
                }

                foreach (var received in page)
                {
                    held[received.MessageId] = received;
                }

                foreach (var received in page)
                {
                    if (Read(source, received.Body.ToString()) is not { } message)
                    {
                        unreadable++;
                        continue;
                    }

                    if (tenantId is not null && message.TenantId != tenantId)
                    {
                        continue;
                    }

                    moved[message.TenantId] = moved.GetValueOrDefault(message.TenantId) + 1;
                    if (dryRun)
                    {
                        continue;
                    }

                    if (BatchIds.IsValid(message.BatchId) && message.ItemIndex is { } index)
                    {
                        await _batches.ResetAsync(message.TenantId, message.BatchId, index, cancellationToken);
                    }

                    await _work.EnqueueAsync(message with { Attempt = 0 }, TimeSpan.Zero, cancellationToken);
                    await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
                    held.Remove(received.MessageId);
                }
            }
        }
        finally
        {
            // Not cancellable: messages left hidden for the whole lease would look lost to the next run.
            foreach (var left in held.Values)
            {
                await queue.UpdateMessageAsync(left.MessageId, left.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
        }

        return new RedriveReport(moved, unreadable);
    }

    private static DeletionMessage? Read(RedriveSource source, string text)
    {
        if (source == RedriveSource.Failed)
        {
            try
            {
                text = FailedDeletion.FromJson(text)?.Message ?? string.Empty;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return DeletionMessage.TryParse(text, out var message, out _) ? message : null;
    }
}

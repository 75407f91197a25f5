using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Deletions;

/// <summary>Refuses <c>MediaDeletion</c> settings at start-up rather than at the first message, every bad one at once.</summary>
internal sealed class MediaDeletionOptionsValidator : IValidateOptions<MediaDeletionOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaDeletionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // The failed queue is the longest name derived from Queue, so it is the one held to the queue-name rules.
        if (QueueNameRules.Problem(options.FailedQueue) is not null)
        {
            failures.Add("MediaDeletion:Queue must be a valid queue name of at most 56 characters.");
        }

        if (options.MaxThrottleRetries is < 0 or > 100)
        {
            failures.Add("MediaDeletion:MaxThrottleRetries must be from 0 to 100.");
        }

        if (options.EnqueueParallelism is < 1 or > 256)
        {
            failures.Add("MediaDeletion:EnqueueParallelism must be from 1 to 256.");
        }

        if (options.BatchRetention <= TimeSpan.Zero)
        {
            failures.Add("MediaDeletion:BatchRetention must be a positive time span such as 30.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Pacing;

namespace WhatsAppMedia.Core.Scheduling;

internal sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = SchedulingOptions.SectionName;
        if (options.EnqueueAhead < TimeSpan.FromSeconds(1) || options.EnqueueAhead > PacingDefaults.MaxQueueDelay)
        {
            return ValidateOptionsResult.Fail($"{Section}:{nameof(SchedulingOptions.EnqueueAhead)} must be between 00:00:01 and 7.00:00:00 (the queue's visibility limit); it is {options.EnqueueAhead}.");
        }

        if (options.ClaimTimeout <= options.EnqueueAhead)
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:{nameof(SchedulingOptions.ClaimTimeout)} ({options.ClaimTimeout}) must be longer than {Section}:{nameof(SchedulingOptions.EnqueueAhead)} ({options.EnqueueAhead}), so a claim stands until its message is due.");
        }

        return options.SweepPeriod < TimeSpan.FromSeconds(1) || options.SweepPeriod > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"{Section}:{nameof(SchedulingOptions.SweepPeriod)} must be between 00:00:01 and 01:00:00; it is {options.SweepPeriod}.")
            : ValidateOptionsResult.Success;
    }
}

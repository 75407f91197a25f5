using Microsoft.Extensions.Options;

namespace WhatsAppMedia.Core.Pacing;

internal sealed class PacingOptionsValidator : IValidateOptions<PacingOptions>
{
    public ValidateOptionsResult Validate(string? name, PacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxImmediateWait < TimeSpan.Zero || options.MaxImmediateWait > TimeSpan.FromSeconds(30)
            ? ValidateOptionsResult.Fail($"{PacingOptions.SectionName}:{nameof(PacingOptions.MaxImmediateWait)} must be between 00:00:00 and 00:00:30; it is {options.MaxImmediateWait}.")
            : ValidateOptionsResult.Success;
    }
}

using Azure;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Pacing;

/// <summary>
/// The budget as one provider call sees it: each attempt first gets a slot of the tenant's schedule, and a throttled
/// answer pauses the schedule for every instance (docs/pacing.md). Made per call; not shared.
/// </summary>
/// <param name="heldSlot">A slot the call already holds (a queued message's), used by its first attempt instead of reserving one.</param>
/// <param name="maxWait">How long an attempt may wait for a slot it reserves; further than that, the call ends <see cref="ProviderOutcome.RateLimited"/>.</param>
internal sealed class ProviderRequestGate(TenantPacer pacer, Tenant tenant, DateTimeOffset? heldSlot, TimeSpan maxWait)
{
    private DateTimeOffset? _heldSlot = heldSlot;

    /// <summary>Null once the attempt may go (its slot has come); else the <c>rate_limited</c> answer, nothing sent.</summary>
    public async Task<ProviderAnswer?> BeforeAttemptAsync(CancellationToken cancellationToken)
    {
        if (_heldSlot is { } slot)
        {
            _heldSlot = null;
            await pacer.WaitUntilAsync(slot, cancellationToken);
            return null;
        }

        DateTimeOffset? refused;
        try
        {
            refused = await pacer.AcquireAsync(tenant, maxWait, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Without the shared schedule the budget cannot be kept: send nothing, and let the caller retry later.
            return new ProviderAnswer(ProviderOutcome.Transient, ProviderMessage: "The tenant's request schedule cannot be read right now; nothing was sent to the provider");
        }

        if (refused is not { } firstFree)
        {
            return null;
        }

        var wait = firstFree - pacer.Time.GetUtcNow();
        return new ProviderAnswer(
            ProviderOutcome.RateLimited,
            ProviderMessage: $"The tenant's request budget has no free slot for {Math.Ceiling(wait.TotalSeconds):0} s; nothing was sent to the provider",
            RetryAfter: wait);
    }

    /// <summary>The provider throttled this tenant: hold every instance back for as long as it asked.</summary>
    public async Task ThrottledAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.PauseAsync(tenant, retryAfter, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // The pause is a courtesy to the other instances; this call's own answer is still the provider's.
        }
    }
}

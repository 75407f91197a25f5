using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppMedia.Core.Tenants;

/// <summary>
/// The client's usual retries (exponential, on 5xx, 408 and network errors), except for throttling: a 429 goes straight
/// back to the tenant cache, which pauses every vault read for its Retry-After, rather than one request sitting on it
/// past the read timeout while others keep asking.
/// </summary>
internal sealed class KeyVaultRetryPolicy(int maxRetries, DelayStrategy delayStrategy) : RetryPolicy(maxRetries, delayStrategy)
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsThrottled(message) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsThrottled(message) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    private static bool IsThrottled(HttpMessage message) => message.HasResponse && message.Response.Status == 429;
}

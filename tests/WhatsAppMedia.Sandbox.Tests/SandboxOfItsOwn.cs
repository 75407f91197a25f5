using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>
/// A fresh sandbox per test, on a <see cref="FakeTimeProvider"/> the test may move, and an HTTP client: for tests
/// that count what one sandbox did (downloads, faults taken) or expire its URLs by moving its clock.
/// </summary>
public abstract class SandboxOfItsOwn : IAsyncLifetime, IDisposable
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Identified as any real client is: the Meta imitation refuses a download without a User-Agent.</summary>
    protected HttpClient Http { get; } = new() { DefaultRequestHeaders = { { "User-Agent", "WhatsAppMedia.Sandbox.Tests/1.0" } } };

    protected ProviderSandbox Sandbox { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Sandbox = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { TimeProvider = Clock });

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }
    }
}

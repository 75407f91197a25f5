namespace WhatsAppMedia.DevHost.Tests;

/// <summary>A <see cref="LocalEnvironment"/> with one local host running on its own queue for the whole test class.</summary>
public class LocalHostFixture : LocalEnvironment
{
    public const int MaxDequeueCount = LocalHost.MaxDequeueCount;
    public const string DemoApiKey = LocalHost.DemoApiKey;

    public LocalHost Host { get; private set; } = null!;

    public HttpClient Http => Host.Http;

    public string Queue => Host.Queue;

    public QueueTriggerProgress Progress => Host.Progress;

    public TestQueue QueueNamed(string name) => Host.QueueNamed(name);

    public T Service<T>()
        where T : notnull => Host.Service<T>();

    public TestQueue RawQueueNamed(string name) => Host.RawQueueNamed(name);

    /// <summary>Extra <c>--key=value</c> arguments for the host, on top of <see cref="LocalHost"/>'s own.</summary>
    protected virtual IEnumerable<string> HostOverrides => [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = await StartHostAsync("e2e" + Guid.NewGuid().ToString("N")[..12], ConfigureHost, HostOverrides);
    }

    /// <summary>Last changes to the host's builder (see <see cref="DevHostApplication.Create"/>), after the overrides apply.</summary>
    protected virtual void ConfigureHost(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
    }

    public override async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

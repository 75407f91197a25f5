namespace WhatsAppMedia.Sandbox;

public sealed class ProviderSandboxOptions
{
    /// <summary>Where the sandbox listens. Default <c>http://127.0.0.1:0</c> (a free port, read back from <see cref="ProviderSandbox.BaseUri"/>).</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:0");

    /// <summary>Whether to start with <see cref="SandboxAccounts"/>' demo media in place. Default false: tests add what they need.</summary>
    public bool SeedDemoMedia { get; set; }

    /// <summary>
    /// The sandbox's clock, used for NxCloud's <c>ts</c> window, SigV4's date check, fault latency and when the download URLs
    /// it hands out expire (Meta's after 5 minutes, NxCloud's object-storage links after an hour). Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

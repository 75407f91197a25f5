namespace WhatsAppMedia.Sandbox;

/// <summary>
/// What the sandbox needs to know about one imitation before any sandbox runs, stated in the imitation's own folder:
/// how to make it, the settings that point the provider core at it, the accounts it accepts from the start, and the
/// demo media and tenant <c>scripts/dev.sh</c> works with. <see cref="ImitationAttribute{TImitation}"/> on its
/// <see cref="ProviderKind"/> value registers it; README.md, "Adding a provider".
/// </summary>
/// <typeparam name="TSelf">The imitation itself.</typeparam>
internal interface ISandboxImitation<TSelf>
    where TSelf : IProviderImitation, ISandboxImitation<TSelf>
{
    /// <summary>The imitation, serving <paramref name="state"/> on <paramref name="timeProvider"/>'s clock.</summary>
    static abstract TSelf Create(SandboxProviderState state, TimeProvider timeProvider);

    /// <summary>
    /// The configuration that points the provider core at the imitation served at <paramref name="baseUrl"/>, keys as in
    /// README.md, "Configuration" (for example <c>Providers:Meta:BaseUrl</c>).
    /// </summary>
    static abstract IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl);

    /// <summary>Registers the accounts every sandbox accepts from the start (<see cref="SandboxAccounts"/>), which the demo tenant uses.</summary>
    static abstract void RegisterAccounts(SandboxProviderState state);

    /// <summary>The media a sandbox seeded with demo media holds (<see cref="ProviderSandboxOptions.SeedDemoMedia"/>).</summary>
    static abstract IReadOnlyList<string> DemoMediaIds { get; }

    /// <summary>The id of the tenant in <c>local.settings.sample.json</c> that uses <see cref="RegisterAccounts"/>' account, for example <c>demo-meta</c>.</summary>
    static abstract string DemoTenant { get; }
}

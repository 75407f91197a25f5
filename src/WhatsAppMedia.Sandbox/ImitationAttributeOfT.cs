namespace WhatsAppMedia.Sandbox;

/// <summary>Registers <typeparamref name="TImitation"/> as the imitation of the <see cref="ProviderKind"/> value it marks.</summary>
/// <typeparam name="TImitation">The imitation, which states its settings, accounts and demo media itself (<see cref="ISandboxImitation{TSelf}"/>).</typeparam>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
internal sealed class ImitationAttribute<TImitation> : ImitationAttribute
    where TImitation : IProviderImitation, ISandboxImitation<TImitation>
{
    public override IProviderImitation Create(SandboxProviderState state, TimeProvider timeProvider) => TImitation.Create(state, timeProvider);

    public override IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl) => TImitation.Settings(baseUrl);

    public override void RegisterAccounts(SandboxProviderState state) => TImitation.RegisterAccounts(state);

    public override IReadOnlyList<string> DemoMediaIds => TImitation.DemoMediaIds;

    public override string DemoTenant => TImitation.DemoTenant;
}

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// Marks a <see cref="ProviderKind"/> value with its imitation, so the enum is the sandbox's one list of providers
/// (<see cref="SandboxImitations"/> reads it). Use <see cref="ImitationAttribute{TImitation}"/>; this base lets the
/// sandbox read every value's registration without knowing the imitation's type.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
internal abstract class ImitationAttribute : Attribute
{
    public abstract IProviderImitation Create(SandboxProviderState state, TimeProvider timeProvider);

    public abstract IEnumerable<KeyValuePair<string, string?>> Settings(Uri baseUrl);

    public abstract void RegisterAccounts(SandboxProviderState state);

    public abstract IReadOnlyList<string> DemoMediaIds { get; }

    public abstract string DemoTenant { get; }
}

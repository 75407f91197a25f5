namespace WhatsAppMedia.Testing.KeyVault;

/// <summary>One fault for the Key Vault stand-in to answer with.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="RetryAfter">For <see cref="KeyVaultFaultKind.Throttle"/>: the <c>Retry-After</c> to send (whole seconds).</param>
public sealed record KeyVaultFault(KeyVaultFaultKind Kind, TimeSpan? RetryAfter = null)
{
    public static KeyVaultFault Throttle(TimeSpan retryAfter) => new(KeyVaultFaultKind.Throttle, retryAfter);

    public static KeyVaultFault ServerError { get; } = new(KeyVaultFaultKind.ServerError);

    public static KeyVaultFault Outage { get; } = new(KeyVaultFaultKind.Outage);

    public static KeyVaultFault Refuse { get; } = new(KeyVaultFaultKind.Refuse);

    public static KeyVaultFault RefuseByRbac { get; } = new(KeyVaultFaultKind.RefuseByRbac);

    public static KeyVaultFault Hang { get; } = new(KeyVaultFaultKind.Hang);
}

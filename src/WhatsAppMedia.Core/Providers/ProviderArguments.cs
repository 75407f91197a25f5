namespace WhatsAppMedia.Core.Providers;

/// <summary>The argument checks every <see cref="IMediaProvider.SendDeleteAsync"/> starts with, in one place.</summary>
internal static class ProviderArguments
{
    /// <summary>
    /// Refuses a null target (its identifiers were checked when <see cref="ProviderClient.TryResolve"/> made it),
    /// credentials of another provider, and credentials with a <see cref="ProviderCredentials.Problem"/>; the messages
    /// name what is wrong, never a value.
    /// </summary>
    /// <returns>The credentials as the provider's own type.</returns>
    /// <exception cref="ArgumentException">The credentials are not <typeparamref name="TCredentials"/> or have a problem.</exception>
    public static TCredentials Check<TCredentials>(IMediaProvider provider, MediaTarget target, ProviderCredentials credentials)
        where TCredentials : ProviderCredentials
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(credentials);
        var typed = credentials as TCredentials ?? throw new ArgumentException(
            $"The {provider.Provider} provider needs {typeof(TCredentials).Name}; these credentials are for {credentials.Provider}.",
            nameof(credentials));

        // The same rules the tenant document is held to, so a parsed tenant never fails here.
        return typed.Problem() is { } problem ? throw new ArgumentException(problem.Message, nameof(credentials)) : typed;
    }
}

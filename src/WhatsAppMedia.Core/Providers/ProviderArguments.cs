namespace WhatsAppMedia.Core.Providers;

/// <summary>The argument checks every <see cref="IMediaProvider.SendDeleteAsync"/> starts with, in one place.</summary>
internal static class ProviderArguments
{
    /// <summary>
    /// Refuses a null or invalid target (<see cref="IMediaProvider.Validate"/>, before anything is built from it) and
    /// credentials of another provider; the messages name what is wrong, never a value.
    /// </summary>
    /// <returns>The credentials as the provider's own type.</returns>
    /// <exception cref="ArgumentException">The target is invalid, or the credentials are not <typeparamref name="TCredentials"/>.</exception>
    public static TCredentials Check<TCredentials>(IMediaProvider provider, MediaDeletionTarget target, ProviderCredentials credentials)
        where TCredentials : ProviderCredentials
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(credentials);
        if (provider.Validate(target) is { } error)
        {
            throw new ArgumentException(error.Message, nameof(target));
        }

        return credentials as TCredentials ?? throw new ArgumentException(
            $"The {provider.Kind.ToName()} provider needs {typeof(TCredentials).Name}; these credentials are for {credentials.Kind.ToName()}.",
            nameof(credentials));
    }
}

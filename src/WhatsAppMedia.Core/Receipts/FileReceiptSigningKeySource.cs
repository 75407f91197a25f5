namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// The local host's signing key: a PEM file, created with a new key on first use. The file is written under a temporary
/// name and moved into place without overwriting, so two hosts starting at once end with one key, the one that moved first.
/// </summary>
internal sealed class FileReceiptSigningKeySource(string path) : IReceiptSigningKeySource
{
    private Lazy<Task<ReceiptSigningKey>>? _key;

    public string Description => $"key file {path}";

    public async Task<ReceiptSigningKey?> GetAsync(CancellationToken cancellationToken)
    {
        // Read (or created) once per process; a failure is not kept, so a fixed file is taken at the next call.
        var key = Volatile.Read(ref _key);
        if (key is null)
        {
            var created = new Lazy<Task<ReceiptSigningKey>>(() => ReadOrCreateAsync(CancellationToken.None));
            key = Interlocked.CompareExchange(ref _key, created, null) ?? created;
        }

        try
        {
            return await key.Value.WaitAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            Interlocked.CompareExchange(ref _key, null, key);
            throw;
        }
    }

    private async Task<ReceiptSigningKey> ReadOrCreateAsync(CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
            using (var created = ReceiptSigningKey.Create())
            {
                await File.WriteAllTextAsync(temporary, created.ToPem(), cancellationToken);
            }

            if (!OperatingSystem.IsWindows())
            {
                // A private key: readable by its owner only.
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another host created it first: use that one.
                File.Delete(temporary);
            }
        }

        try
        {
            return ReceiptSigningKey.FromPem(await File.ReadAllTextAsync(full, cancellationToken));
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"The receipt signing key file {full} cannot be used: {exception.Message} Remove it to have a new key created.", exception);
        }
    }
}

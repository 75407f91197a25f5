namespace WhatsAppMedia.DevHost;

/// <summary>Finds the repository root — the folder holding <c>host.json</c> — from where the local host runs.</summary>
public static class RepositoryRoot
{
    public static string Find(string? startAt = null)
    {
        foreach (var start in new[] { startAt, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "host.json")) && File.Exists(Path.Combine(directory.FullName, "local.settings.sample.json")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (a folder with host.json and local.settings.sample.json). Run the local host from inside the repository.");
    }
}

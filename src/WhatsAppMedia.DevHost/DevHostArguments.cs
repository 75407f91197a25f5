using WhatsAppMedia.Sandbox;

namespace WhatsAppMedia.DevHost;

/// <summary>Command-line arguments for <see cref="DevHostApplication.Create"/> when something else owns storage and the sandbox.</summary>
public static class DevHostArguments
{
    /// <summary>
    /// A local host on a free loopback port, against <paramref name="storageConnectionString"/> and the running
    /// <paramref name="sandbox"/> (not one of its own), working queue <paramref name="queue"/>, logging warnings only.
    /// Append further <c>--key=value</c> arguments; later ones win.
    /// </summary>
    public static List<string> ForSandbox(string storageConnectionString, ProviderSandbox sandbox, string queue)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={storageConnectionString}",
            "--Sandbox:Enabled=false",
            $"--MediaDeletion:Queue={queue}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(sandbox.ConfigurationValues.Select(setting => $"--{setting.Key}={setting.Value}"));
        return args;
    }
}

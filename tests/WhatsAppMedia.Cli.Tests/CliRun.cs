namespace WhatsAppMedia.Cli.Tests;

/// <summary>One CLI invocation: exit code, standard output and standard error, and the <c>name: value</c> lines of the output.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string? Line(string name)
    {
        var prefix = name + ": ";
        return Output.Split('\n').Select(line => line.TrimEnd('\r')).FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }
}

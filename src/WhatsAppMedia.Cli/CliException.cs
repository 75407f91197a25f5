namespace WhatsAppMedia.Cli;

/// <summary>A failure the CLI reports with a message and a documented exit code (<see cref="ExitCodes"/>); never carries a secret.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

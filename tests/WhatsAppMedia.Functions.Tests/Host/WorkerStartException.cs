namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>The worker did not get through start-up; <see cref="WorkerOutput"/> is what it printed.</summary>
internal sealed class WorkerStartException(string message, string workerOutput) : Exception($"{message}{Environment.NewLine}Worker output:{Environment.NewLine}{workerOutput}")
{
    public string WorkerOutput { get; } = workerOutput;
}

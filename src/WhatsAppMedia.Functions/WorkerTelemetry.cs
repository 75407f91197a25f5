using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Functions;

/// <summary>
/// The worker's OpenTelemetry, wired as Microsoft's Functions quickstart does (learn.microsoft.com/azure/azure-functions/
/// opentelemetry-howto, C# isolated: <c>AddOpenTelemetry().UseFunctionsWorkerDefaults().UseAzureMonitorExporter()</c>),
/// exporting to Application Insights: the worker's own logs, traces of the provider HTTP calls, and the deletions
/// counter (<see cref="DeletionMetrics"/>).
/// </summary>
internal static class WorkerTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// .NET's HttpClient reports each outgoing request on this ActivitySource (no instrumentation package needed since
    /// .NET 9); its tags are method, server, status and url.full with the query's values redacted, never headers, so the
    /// providers' tokens, signatures and keys stay out of traces.
    /// </summary>
    public const string HttpClientActivitySource = "System.Net.Http";

    /// <summary>Adds the exporter when <see cref="ConnectionStringSetting"/> is set; without it (local runs) the worker logs through the host only.</summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        // Read now, so a malformed setting stops the worker at start rather than silently dropping telemetry.
        var credential = ApplicationInsightsCredential.From(configuration[ApplicationInsightsCredential.SettingName]);
        services.AddOpenTelemetry()
            // Marks the worker as exporting its own telemetry, so the host stops sending the worker's logs for it.
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(HttpClientActivitySource))
            .WithMetrics(metrics => metrics.AddMeter(DeletionMetrics.MeterName))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                if (credential is not null)
                {
                    exporter.Credential = credential;
                }
            });
        return services;
    }
}

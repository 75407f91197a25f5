using Microsoft.AspNetCore.Builder;
using WhatsAppMedia.Core;

namespace WhatsAppMedia.DevHost;

/// <summary>The local host, built the same way for <c>dotnet run</c> and for the end-to-end tests.</summary>
public static class DevHostApplication
{
    /// <param name="args">Command-line arguments; like environment variables they win over local settings (for example <c>--urls</c>).</param>
    /// <param name="configure">Last changes to the builder before it builds (tests: Kestrel limits, loggers, a failing service).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args).ConfigureDevHost();
        builder.Services.AddMediaDeletionServices(builder.Configuration).AddDevHostServices().AddContractProblems();
        configure?.Invoke(builder);
        var app = builder.Build();

        // Every answer in the contract's problem+json, not only the handlers' (docs/openapi.json): faults and requests the
        // server refused while reading, then statuses routing set without a body (404, 405 with Allow).
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.MapMediaApi();
        return app;
    }
}

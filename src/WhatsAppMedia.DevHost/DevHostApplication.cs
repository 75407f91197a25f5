using Microsoft.AspNetCore.Builder;
using WhatsAppMedia.Core;

namespace WhatsAppMedia.DevHost;

/// <summary>The local host, built the same way for <c>dotnet run</c> and for the end-to-end tests.</summary>
public static class DevHostApplication
{
    /// <param name="args">Command-line arguments; like environment variables they win over local settings (for example <c>--urls</c>).</param>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args).ConfigureDevHost();
        builder.Services.AddMediaDeletionServices(builder.Configuration).AddDevHostServices();
        var app = builder.Build();
        app.MapMediaApi();
        return app;
    }
}

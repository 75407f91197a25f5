using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using WhatsAppMedia.Core;
using WhatsAppMedia.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMediaDeletionServices(builder.Configuration);
builder.Services.AddWorkerTelemetry(builder.Configuration);
builder.Build().Run();

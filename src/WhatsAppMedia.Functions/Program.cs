using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using WhatsAppMedia.Core;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
LogLevelDefaults.AddUnder(builder.Configuration);
builder.ConfigureFunctionsWebApplication();
// After the ASP.NET Core integration, so the request's HttpContext is on the FunctionContext (see HttpFaultMiddleware).
builder.UseMiddleware<HttpFaultMiddleware>();
builder.Services.AddMediaDeletionServices(builder.Configuration);
builder.Services.AddWorkerTelemetry(builder.Configuration);
builder.Build().Run();

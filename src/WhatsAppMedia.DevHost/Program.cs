using WhatsAppMedia.Core;
using WhatsAppMedia.DevHost;

var builder = WebApplication.CreateBuilder(args).ConfigureDevHost();
builder.Services.AddMediaDeletionServices(builder.Configuration).AddDevHostServices();
var app = builder.Build();
app.MapMediaApi();
app.Run();

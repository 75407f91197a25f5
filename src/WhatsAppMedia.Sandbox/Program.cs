using System.Runtime.InteropServices;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox;

// Standalone: dotnet run --project src/WhatsAppMedia.Sandbox [-- --url http://127.0.0.1:7080]
var url = new Uri(args.SkipWhile(arg => arg != "--url").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:7080");
await using var sandbox = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { Url = url, SeedDemoMedia = true });

Console.WriteLine($"Provider sandbox listening on {sandbox.BaseUri}");
foreach (var kind in ProviderSandbox.Providers)
{
    Console.WriteLine($"  {kind.ToName(),-17} {sandbox.BaseUrlFor(kind)}  media: {string.Join(' ', sandbox.State(kind).Media)}");
}

Console.WriteLine("Control API under /_sandbox/{provider}/media|faults|requests|downloads. Ctrl+C to stop.");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();

// The web host's console lifetime takes SIGTERM (cancelling the runtime's own exit) and only tells the host to stop,
// which this program never waits for; so SIGTERM (kill, docker stop) has to end the wait here too.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
await stopped.Task;

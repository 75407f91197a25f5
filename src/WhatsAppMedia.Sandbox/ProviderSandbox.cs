// Longer than 250 lines: the one server, its control API and the demo set-up it starts with.
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// Strict local imitations of the provider APIs (<see cref="Providers"/>) on one Kestrel server, each under its wire
/// name as path prefix (<c>/meta</c>, <c>/aws</c>, …), plus a control API under <c>/_sandbox</c>.
/// Runs on its own (<c>dotnet run --project src/WhatsAppMedia.Sandbox</c>) or inside tests and the local host.
/// </summary>
public sealed class ProviderSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<ProviderKind, SandboxProviderState> _states;
    private readonly Dictionary<ProviderKind, IProviderImitation> _imitations;
    private bool _stopped;

    private ProviderSandbox(WebApplication app, Dictionary<ProviderKind, SandboxProviderState> states, Dictionary<ProviderKind, IProviderImitation> imitations, Uri baseUri)
    {
        _app = app;
        _states = states;
        _imitations = imitations;
        BaseUri = baseUri;
    }

    /// <summary>Every provider the sandbox imitates: the values of <see cref="ProviderKind"/>, each marked with its imitation.</summary>
    public static IReadOnlyList<ProviderKind> Providers => SandboxImitations.Kinds;

    /// <summary>The server's root, for example <c>http://127.0.0.1:7080/</c>.</summary>
    public Uri BaseUri { get; }

    public SandboxProviderState Meta => State(ProviderKind.Meta);

    public SandboxProviderState Aws => State(ProviderKind.Aws);

    public SandboxProviderState NxCloud => State(ProviderKind.NxCloud);

    public SandboxProviderState SmsGatewayCenter => State(ProviderKind.SmsGatewayCenter);

    public SandboxProviderState State(ProviderKind kind) => _states[kind];

    /// <summary>The base URL to configure for <paramref name="kind"/>, for example <c>http://127.0.0.1:7080/meta</c>.</summary>
    public Uri BaseUrlFor(ProviderKind kind) => BaseUrlAt(BaseUri, kind);

    /// <summary>The configuration that points the provider core at this sandbox (keys as in README.md, "Configuration").</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => Configuration(BaseUrlFor);

    /// <summary>
    /// The same configuration for a sandbox this process does not hold, running at <paramref name="baseUri"/> (for
    /// example inside a local host started as its own process with <c>Sandbox__Url</c>). Each imitation's path prefix is
    /// its provider's wire name (<see cref="ProviderKindNames.ToName"/>), so no instance is needed to find it.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ConfigurationValuesAt(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return Configuration(kind => BaseUrlAt(baseUri, kind));
    }

    /// <summary>
    /// Adds a fresh media object in the provider's own id format and returns its id. Its bytes are
    /// <paramref name="content"/>, by default the demo PNG; <see cref="SandboxMediaContent.Generated"/> makes a file of any size.
    /// </summary>
    public string CreateMedia(ProviderKind kind, string? ownerPhone = null, SandboxMediaContent? content = null)
    {
        var id = _imitations[kind].NewMediaId();
        _states[kind].AddMedia(id, ownerPhone, content);
        return id;
    }

    /// <summary>Adds a fresh media object that a customer sent (<see cref="SandboxProviderState.AddReceivedMedia"/>) and returns its id.</summary>
    public string CreateReceivedMedia(ProviderKind kind)
    {
        var id = _imitations[kind].NewMediaId();
        _states[kind].AddReceivedMedia(id);
        return id;
    }

    public static async Task<ProviderSandbox> StartAsync(ProviderSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProviderSandboxOptions();
        var states = Providers.ToDictionary(kind => kind, kind => new SandboxProviderState(kind));
        var imitations = SandboxImitations.Create(kind => states[kind], options.TimeProvider).ToDictionary(imitation => imitation.Kind);
        RegisterAccounts(states);
        if (options.SeedDemoMedia)
        {
            SeedDemoMedia(states);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url.ToString());
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        app.Use((context, next) => RecordAndApplyFaultsAsync(context, next, states, imitations, options.TimeProvider));
        foreach (var imitation in imitations.Values)
        {
            imitation.Map(app.MapGroup("/" + imitation.Kind.ToName()));
        }

        SandboxControlApi.Map(app.MapGroup("/_sandbox"), states, imitations);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProviderSandbox(app, states, imitations, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Stops serving. Requests still running (a <c>hang</c> or <c>hold</c> fault whose caller has not gone away) are
    /// waited for until <paramref name="cancellationToken"/> fires, then cut off; without a token, for the web host's
    /// own 30-second shutdown timeout. A host that runs the sandbox passes its shutdown deadline here.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _app.StopAsync(cancellationToken);
        _stopped = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _app.StopAsync();
        }

        await _app.DisposeAsync();
    }

    private static async Task RecordAndApplyFaultsAsync(
        HttpContext context,
        Func<Task> next,
        Dictionary<ProviderKind, SandboxProviderState> states,
        Dictionary<ProviderKind, IProviderImitation> imitations,
        TimeProvider timeProvider)
    {
        var imitation = imitations.Values.FirstOrDefault(candidate => context.Request.Path.StartsWithSegments("/" + candidate.Kind.ToName(), StringComparison.Ordinal));
        if (imitation is null)
        {
            await next();
            return;
        }

        var state = states[imitation.Kind];
        var recorded = await ReadRequestAsync(context.Request, timeProvider);
        state.Record(recorded);
        if (state.Quota is { } quota && !quota.TryAdmit())
        {
            // Over the account's quota: refused as the provider refuses it, before anything is processed.
            await imitation.WriteFaultAsync(context, SandboxFault.Throttle());
            return;
        }

        if (!state.TryTakeFault(recorded, imitation.Classify(context.Request), out var fault))
        {
            await next();
            return;
        }

        if (SandboxFaultKinds.BendsAnswer(fault.Kind))
        {
            context.Features.Set(fault);
            await next();
            return;
        }

        switch (fault.Kind)
        {
            case SandboxFaultKind.Latency:
                await Task.Delay(fault.Delay ?? TimeSpan.Zero, timeProvider, context.RequestAborted);
                await next();
                break;
            case SandboxFaultKind.Hold:
                try
                {
                    await (fault.Release ?? Task.CompletedTask).WaitAsync(context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up while held; there is no one left to answer.
                    break;
                }

                await next();
                break;
            case SandboxFaultKind.Hang:
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is the point of a hang.
                }

                break;
            case SandboxFaultKind.Replay:
                await SandboxReplay.WriteAsync(context, fault);
                break;
            default:
                await imitation.WriteFaultAsync(context, fault);
                break;
        }
    }

    private static async Task<RecordedRequest> ReadRequestAsync(HttpRequest request, TimeProvider timeProvider)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;

        var headers = request.Headers.ToDictionary(
            header => header.Key.ToLowerInvariant(),
            header => string.Join(',', header.Value.ToArray()),
            StringComparer.Ordinal);
        var rawTarget = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawTarget[queryStart..];
        var lines = request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.Count, StringComparer.Ordinal);
        return new RecordedRequest(request.Method, path, query, headers, body, timeProvider.GetUtcNow(), lines);
    }

    private static Uri BaseUrlAt(Uri baseUri, ProviderKind kind) => new(baseUri, kind.ToName());

    /// <summary>The settings that point the provider core at each imitation, as each imitation states them.</summary>
    private static Dictionary<string, string?> Configuration(Func<ProviderKind, Uri> baseUrlFor) =>
        Providers.SelectMany(kind => SandboxImitations.For(kind).Settings(baseUrlFor(kind))).ToDictionary(StringComparer.Ordinal);

    private static void RegisterAccounts(Dictionary<ProviderKind, SandboxProviderState> states)
    {
        foreach (var (kind, state) in states)
        {
            SandboxImitations.For(kind).RegisterAccounts(state);
        }
    }

    private static void SeedDemoMedia(Dictionary<ProviderKind, SandboxProviderState> states)
    {
        foreach (var (kind, state) in states)
        {
            foreach (var id in SandboxImitations.For(kind).DemoMediaIds)
            {
                state.AddMedia(id);
            }
        }
    }
}

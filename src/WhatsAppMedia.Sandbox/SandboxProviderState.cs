// Longer than 250 lines: one provider's state under one lock: media, accounts, faults and recorded requests.
using System.Collections.Concurrent;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox;

/// <summary>
/// What one imitated provider knows: which media exist (and which phone owns each), which credentials it accepts,
/// which faults are pending, and every request it has seen. Thread-safe; tests and endpoints share it.
/// </summary>
public sealed class SandboxProviderState(ProviderKind kind)
{
    private readonly ConcurrentDictionary<string, string> _media = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxMediaContent> _contents = new(StringComparer.Ordinal);
    private readonly List<SandboxFault> _faults = [];
    private readonly List<SandboxFault> _mediaFaults = [];
    private readonly ConcurrentDictionary<string, SandboxFault> _standingMediaFaults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ProgressCounter _requestsSeen = new();
    private readonly ProgressCounter _downloadsStarted = new();
    private readonly ProgressCounter _downloadsCompleted = new();
    private readonly ProgressCounter _downloadsCancelled = new();
    private readonly ProgressCounter _mediaRemoved = new();

    /// <summary>Stands for "any phone may delete this media".</summary>
    private const string AnyOwner = "";

    public ProviderKind Kind { get; } = kind;

    public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyCollection<string> Media => _media.Keys.ToArray();

    /// <summary>
    /// Adds a media object; with <paramref name="ownerPhone"/>, only that phone identity may delete or retrieve it. Its
    /// bytes are <paramref name="content"/>, by default the small demo PNG (<see cref="SandboxMediaContent.DemoImage"/>).
    /// </summary>
    public void AddMedia(string mediaId, string? ownerPhone = null, SandboxMediaContent? content = null)
    {
        _contents[mediaId] = content ?? SandboxMediaContent.DemoImage;
        _media[mediaId] = ownerPhone ?? AnyOwner;
    }

    /// <summary>The bytes of <paramref name="mediaId"/>, while it exists.</summary>
    public bool TryGetContent(string mediaId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SandboxMediaContent? content)
    {
        content = null;
        return _media.ContainsKey(mediaId) && _contents.TryGetValue(mediaId, out content);
    }

    /// <summary>
    /// Adds a media object a customer sent to the business (webhook media): it belongs to no business phone, so
    /// providers that check ownership refuse any phone named for it (<see cref="IsReceived"/>).
    /// </summary>
    public void AddReceivedMedia(string mediaId, SandboxMediaContent? content = null)
    {
        _received[mediaId] = true;
        AddMedia(mediaId, content: content);
    }

    /// <summary>Whether <paramref name="mediaId"/> was added with <see cref="AddReceivedMedia"/>.</summary>
    public bool IsReceived(string mediaId) => _received.ContainsKey(mediaId);

    public bool HasMedia(string mediaId) => _media.ContainsKey(mediaId);

    /// <summary>Whether <paramref name="phone"/> (null when the request named none) may delete or retrieve <paramref name="mediaId"/>.</summary>
    public bool IsOwnedBy(string mediaId, string? phone) =>
        _media.TryGetValue(mediaId, out var owner) && (owner.Length == 0 || phone is null || owner == phone);

    public bool RemoveMedia(string mediaId)
    {
        if (!_media.TryRemove(mediaId, out _))
        {
            return false;
        }

        var removed = _contents.TryRemove(mediaId, out _);
        _mediaRemoved.Increment();
        return removed;
    }

    /// <summary>Media deleted since start, counted after each is gone, so a waiter never sees it still held.</summary>
    public long MediaRemoved => _mediaRemoved.Count;

    /// <summary>Completes once <see cref="MediaRemoved"/> reaches <paramref name="count"/>.</summary>
    public Task WaitForMediaRemovedAsync(long count, CancellationToken cancellationToken = default) =>
        _mediaRemoved.WaitForAsync(count, cancellationToken);

    /// <summary>
    /// Registers a credential the sandbox accepts: <paramref name="key"/> is the public half (token, access key id,
    /// API key or user id) and <paramref name="secret"/> the private half, or empty where the provider has none.
    /// </summary>
    public void AddCredential(string key, string secret = "") => _credentials[key] = secret;

    public void RemoveCredential(string key) => _credentials.TryRemove(key, out _);

    public bool TryGetCredentialSecret(string key, out string secret) => _credentials.TryGetValue(key, out secret!);

    /// <summary>
    /// Queues <paramref name="fault"/> for the next <paramref name="times"/> requests, or with
    /// <see cref="SandboxFault.MediaId"/> for the next <paramref name="times"/> requests that name that media id.
    /// </summary>
    /// <exception cref="ArgumentException">This provider's imitation cannot give the fault's kind (<see cref="SandboxFaultKinds.IsOfferedBy"/>).</exception>
    public void InjectFault(SandboxFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        EnsureOffered(fault);

        // A fault for one media id waits for a request naming it; the others apply to whatever request comes next.
        var queue = fault.MediaId is null ? _faults : _mediaFaults;
        lock (queue)
        {
            queue.AddRange(Enumerable.Repeat(fault, times));
        }
    }

    /// <summary>
    /// Applies <paramref name="fault"/> to every request naming <paramref name="mediaId"/> (see <see cref="Names"/>) until
    /// <see cref="ClearMediaFault"/>: one item of a batch that always fails the same way
    /// while the others go through.
    /// </summary>
    public void InjectMediaFault(string mediaId, SandboxFault fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        ArgumentNullException.ThrowIfNull(fault);
        EnsureOffered(fault);
        _standingMediaFaults[mediaId] = fault;
    }

    public void ClearMediaFault(string mediaId) => _standingMediaFaults.TryRemove(mediaId, out _);

    public void ClearFaults()
    {
        lock (_faults)
        {
            _faults.Clear();
        }

        _standingMediaFaults.Clear();
        lock (_mediaFaults)
        {
            _mediaFaults.Clear();
        }
    }

    /// <summary>
    /// Takes the fault for <paramref name="request"/>, of <paramref name="requestKind"/>, among those that land on such a
    /// request (<see cref="SandboxFaultKinds.LandsOn"/>): the first one queued for a media id the request names, else the
    /// next general one, else a standing fault (<see cref="InjectMediaFault"/>) for a media id it names.
    /// </summary>
    internal bool TryTakeFault(RecordedRequest request, SandboxRequestKind requestKind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SandboxFault? fault)
    {
        fault = TakeFirst(_mediaFaults, candidate => SandboxFaultKinds.LandsOn(candidate.Kind, requestKind) && Names(request, candidate.MediaId!))
            ?? TakeFirst(_faults, candidate => SandboxFaultKinds.LandsOn(candidate.Kind, requestKind));
        if (fault is not null)
        {
            return true;
        }

        foreach (var (mediaId, mediaFault) in _standingMediaFaults)
        {
            if (SandboxFaultKinds.LandsOn(mediaFault.Kind, requestKind) && Names(request, mediaId))
            {
                fault = mediaFault;
                return true;
            }
        }

        return false;
    }

    private static SandboxFault? TakeFirst(List<SandboxFault> queue, Predicate<SandboxFault> applies)
    {
        lock (queue)
        {
            var match = queue.FindIndex(applies);
            if (match < 0)
            {
                return null;
            }

            var fault = queue[match];
            queue.RemoveAt(match);
            return fault;
        }
    }

    private void EnsureOffered(SandboxFault fault)
    {
        if (!SandboxFaultKinds.IsOfferedBy(fault.Kind, Kind))
        {
            throw new ArgumentException($"The {Kind.ToName()} imitation cannot give a {fault.Kind} fault.", nameof(fault));
        }
    }

    /// <summary>
    /// Whether <paramref name="request"/> names <paramref name="mediaId"/> whole — as its last path segment (Meta), a query
    /// value (AWS, SMSGatewayCenter, Meta's download URL's <c>mid</c>) or a JSON string in its body (NxCloud, AWS's GetWhatsAppMessageMedia) — so a fault for media 123 never hits 1234.
    /// One rule for the one-shot and the standing media faults.
    /// </summary>
    private static bool Names(RecordedRequest request, string mediaId)
    {
        var escaped = Uri.EscapeDataString(mediaId);
        return request.Path.EndsWith("/" + escaped, StringComparison.Ordinal)
            || request.Query.Split('?', '&').Any(pair => pair.EndsWith("=" + escaped, StringComparison.Ordinal))
            || request.Body.Contains($"\"{mediaId}\"", StringComparison.Ordinal);
    }

    /// <summary>The account's quota (<see cref="SetQuota"/>), or null: every request is admitted.</summary>
    public SandboxQuota? Quota { get; private set; }

    /// <summary>
    /// Limits every provider request of this imitation (delete, metadata, download) to a token bucket, as the provider's
    /// account quota would; over it, the provider's throttling answer, without <c>Retry-After</c> (none of the providers
    /// documents one for its quota). Replaces any quota set before, with fresh counts. The bucket refills by
    /// <paramref name="timeProvider"/> (the system clock when null), so a test can drive it with a fake one.
    /// </summary>
    public SandboxQuota SetQuota(double requestsPerSecond, int burst, TimeProvider? timeProvider = null) =>
        Quota = new SandboxQuota(requestsPerSecond, burst, timeProvider ?? TimeProvider.System);

    public void ClearQuota() => Quota = null;

    internal void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        _requestsSeen.Increment();
    }

    /// <summary>How many requests this provider has received since it started; <see cref="ClearRequests"/> does not reset it.</summary>
    public long RequestsSeen => _requestsSeen.Count;

    /// <summary>
    /// Completes once this provider has received at least <paramref name="count"/> requests as <see cref="RequestsSeen"/>
    /// counts them, answered or not yet, so a test can wait for requests to be in flight without a clock.
    /// </summary>
    public Task WaitForRequestsAsync(long count, CancellationToken cancellationToken = default) =>
        _requestsSeen.WaitForAsync(count, cancellationToken);

    public void ClearRequests() => _requests.Clear();

    /// <summary>Downloads whose headers were sent (the file started to stream).</summary>
    public long DownloadsStarted => _downloadsStarted.Count;

    /// <summary>Downloads whose every byte was written.</summary>
    public long DownloadsCompleted => _downloadsCompleted.Count;

    /// <summary>
    /// Downloads the client gave up on before the last byte (it closed the connection or reset the stream), including a
    /// <see cref="SandboxFaultKind.StallDownload"/> it abandoned; not a <see cref="SandboxFaultKind.TruncateDownload"/>,
    /// which the sandbox cuts itself.
    /// </summary>
    public long DownloadsCancelled => _downloadsCancelled.Count;

    /// <summary>Completes once <see cref="DownloadsStarted"/> reaches <paramref name="count"/>.</summary>
    public Task WaitForDownloadsStartedAsync(long count, CancellationToken cancellationToken = default) =>
        _downloadsStarted.WaitForAsync(count, cancellationToken);

    /// <summary>Completes once <see cref="DownloadsCancelled"/> reaches <paramref name="count"/>: the signal that a client's cancellation reached the provider.</summary>
    public Task WaitForDownloadsCancelledAsync(long count, CancellationToken cancellationToken = default) =>
        _downloadsCancelled.WaitForAsync(count, cancellationToken);

    internal void DownloadStarted() => _downloadsStarted.Increment();

    internal void DownloadCompleted() => _downloadsCompleted.Increment();

    internal void DownloadCancelled() => _downloadsCancelled.Increment();
}

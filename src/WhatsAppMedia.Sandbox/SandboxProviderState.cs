using System.Collections.Concurrent;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Providers;

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
    private readonly ConcurrentQueue<SandboxFault> _faults = new();
    private readonly List<SandboxFault> _mediaFaults = [];
    private readonly ConcurrentDictionary<string, SandboxFault> _standingMediaFaults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ProgressCounter _requestsSeen = new();

    /// <summary>Stands for "any phone may delete this media".</summary>
    private const string AnyOwner = "";

    public ProviderKind Kind { get; } = kind;

    public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyCollection<string> Media => _media.Keys.ToArray();

    /// <summary>Adds a media object; with <paramref name="ownerPhone"/>, only that phone identity may delete it.</summary>
    public void AddMedia(string mediaId, string? ownerPhone = null) => _media[mediaId] = ownerPhone ?? AnyOwner;

    /// <summary>
    /// Adds a media object a customer sent to the business (webhook media): it belongs to no business phone, so
    /// providers that check ownership refuse any phone named for it (<see cref="IsReceived"/>).
    /// </summary>
    public void AddReceivedMedia(string mediaId)
    {
        _received[mediaId] = true;
        _media[mediaId] = AnyOwner;
    }

    /// <summary>Whether <paramref name="mediaId"/> was added with <see cref="AddReceivedMedia"/>.</summary>
    public bool IsReceived(string mediaId) => _received.ContainsKey(mediaId);

    public bool HasMedia(string mediaId) => _media.ContainsKey(mediaId);

    /// <summary>Whether <paramref name="phone"/> (null when the request named none) may delete <paramref name="mediaId"/>.</summary>
    public bool IsOwnedBy(string mediaId, string? phone) =>
        _media.TryGetValue(mediaId, out var owner) && (owner.Length == 0 || phone is null || owner == phone);

    public bool RemoveMedia(string mediaId) => _media.TryRemove(mediaId, out _);

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
    public void InjectFault(SandboxFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);

        // A fault for one media id waits for a request naming it; the others apply to whatever request comes next.
        if (fault.MediaId is not null)
        {
            lock (_mediaFaults)
            {
                _mediaFaults.AddRange(Enumerable.Repeat(fault, times));
            }

            return;
        }

        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
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
        _standingMediaFaults[mediaId] = fault;
    }

    public void ClearMediaFault(string mediaId) => _standingMediaFaults.TryRemove(mediaId, out _);

    public void ClearFaults()
    {
        _faults.Clear();
        _standingMediaFaults.Clear();
        lock (_mediaFaults)
        {
            _mediaFaults.Clear();
        }
    }

    /// <summary>
    /// Takes the fault for <paramref name="request"/>: the first one queued for a media id the request names, else the next general one, else a standing fault (<see cref="InjectMediaFault"/>) for a
    /// media id it names.
    /// </summary>
    internal bool TryTakeFault(RecordedRequest request, out SandboxFault fault)
    {
        lock (_mediaFaults)
        {
            var match = _mediaFaults.FindIndex(candidate => Names(request, candidate.MediaId!));
            if (match >= 0)
            {
                fault = _mediaFaults[match];
                _mediaFaults.RemoveAt(match);
                return true;
            }
        }

        if (_faults.TryDequeue(out fault!))
        {
            return true;
        }

        foreach (var (mediaId, mediaFault) in _standingMediaFaults)
        {
            if (Names(request, mediaId))
            {
                fault = mediaFault;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="request"/> names <paramref name="mediaId"/> whole — as its last path segment (Meta), a query
    /// value (AWS, SMSGatewayCenter) or a JSON string in its body (NxCloud) — so a fault for media 123 never hits 1234.
    /// One rule for the one-shot and the standing media faults.
    /// </summary>
    private static bool Names(RecordedRequest request, string mediaId)
    {
        var escaped = Uri.EscapeDataString(mediaId);
        return request.Path.EndsWith("/" + escaped, StringComparison.Ordinal)
            || request.Query.Split('?', '&').Any(pair => pair.EndsWith("=" + escaped, StringComparison.Ordinal))
            || request.Body.Contains($"\"{mediaId}\"", StringComparison.Ordinal);
    }

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
}

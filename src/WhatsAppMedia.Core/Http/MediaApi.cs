// Longer than 250 lines: one method per route of ApiRoutes and the entry checks they share; HTTP mapping only, the work is in the handlers it calls.
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// The HTTP operations of docs/openapi.json, written once for both hosts: the Functions app and the local host each
/// hand over the request and route values and return the <see cref="IResult"/> as it is.
/// </summary>
public sealed partial class MediaApi
{
    private readonly TenantAuthenticator authenticator;
    private readonly ProviderClient client;
    private readonly TenantMediaDeleter deleter;
    private readonly BatchSubmitter submitter;
    private readonly IOptions<MediaDeletionOptions> options;
    private readonly IBatchStore batches;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<MediaApi> logger;
    private readonly TenantMediaRetriever retriever;
    private readonly BatchScheduleEditor? scheduleEditor;
    private readonly RegistrationSubmitter? registrationSubmitter;
    private readonly DueDeletionCounter? dueCounter;
    private readonly ReceiptRecorder? receipts;
    private readonly TableReceiptStore? receiptStore;

    internal MediaApi(
        TenantAuthenticator authenticator,
        ProviderClient client,
        TenantMediaDeleter deleter,
        BatchSubmitter submitter,
        IOptions<MediaDeletionOptions> options,
        IBatchStore batches,
        TimeProvider timeProvider,
        ILogger<MediaApi> logger,
        TenantMediaRetriever retriever,
        BatchScheduleEditor? scheduleEditor = null,
        RegistrationSubmitter? registrationSubmitter = null,
        DueDeletionCounter? dueCounter = null,
        ReceiptRecorder? receipts = null,
        TableReceiptStore? receiptStore = null)
    {
        this.receipts = receipts;
        this.receiptStore = receiptStore;
        this.dueCounter = dueCounter;
        this.scheduleEditor = scheduleEditor;
        this.registrationSubmitter = registrationSubmitter;
        this.authenticator = authenticator;
        this.client = client;
        this.deleter = deleter;
        this.submitter = submitter;
        this.options = options;
        this.batches = batches;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.retriever = retriever;
    }

    public const string ApiKeyHeader = "X-Api-Key";

    public static IResult Health(HttpRequest request)
    {
        Begin(request);
        return Results.Json(new HealthResponse("ok"));
    }

    /// <summary>
    /// A request that no route of <see cref="ApiRoutes"/> takes: 404 <c>not_found</c> when no route has its path, otherwise
    /// 405 <c>method_not_allowed</c> with <c>Allow</c> naming the methods that path takes (docs/api.md, "Conventions"). For a host whose
    /// routing cannot answer these itself (the Functions host answers both with an empty 404).
    /// </summary>
    public static IResult Unmatched(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = Begin(request);
        var methods = ApiRoutes.MethodsFor(request.PathBase.Add(request.Path));
        if (methods.Count == 0)
        {
            var (notFound, notFoundDetail) = FrameworkProblems.For(StatusCodes.Status404NotFound);
            return ProblemResults.Create(notFound, notFoundDetail, requestId);
        }

        var allow = string.Join(", ", methods);
        request.HttpContext.Response.Headers.Allow = allow;
        var (code, detail) = FrameworkProblems.For(StatusCodes.Status405MethodNotAllowed, allow);
        return ProblemResults.Create(code, detail, requestId);
    }

    public async Task<IResult> DeleteMediaAsync(HttpRequest request, string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var (requestId, tenant, target, refusal) = await ResolveAsync(request, tenantId, mediaId, null, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // ?reason=…, kept on the receipt (docs/receipts.md, "Reason"); checked before anything is sent.
        var reasons = request.Query["reason"];
        var reason = reasons.Count == 1 ? reasons[0] : null;
        if (reasons.Count > 1 || DeletionReason.Problem(reason, isMalformed: false, "reason") is not null)
        {
            return ProblemResults.Create(
                ErrorCodes.InvalidRequest, $"Query parameter 'reason' may be given once, as 1 to {DeletionReason.MaxLength} characters.", requestId);
        }

        var requestedAt = timeProvider.GetUtcNow();
        var result = await deleter.DeleteAsync(tenant!, target!, cancellationToken);
        LogProviderCall(tenant!.Id, tenant.Provider, mediaId, "delete", OutcomeCodes.Name(result.Outcome), result.Attempts, Milliseconds(started), requestId);
        if (receipts is not null && result.Attempts > 0)
        {
            await receipts.RecordImmediateAsync(tenant.Id, tenant.Provider, target!, Caller(request), requestId, reason, requestedAt, result, cancellationToken);
        }

        if (result.Outcome == ProviderOutcome.Deleted)
        {
            return Results.Json(new DeletionResponse(tenant.Id, mediaId, tenant.Provider, OutcomeCodes.Name(result.Outcome), requestId));
        }

        return ProviderProblems.For(request, result.Answer, result.Attempts, options.Value.DefaultThrottleDelay, requestId);
    }

    /// <summary>GET /api/tenants/{tenantId}/media/{mediaId}: the media object's metadata from the tenant's provider (docs/api.md, "Retrieval and download").</summary>
    public async Task<IResult> GetMediaAsync(HttpRequest request, string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var (requestId, tenant, target, refusal) = await ResolveAsync(
            request, tenantId, mediaId, (tenant, id) => retriever.SupportsMetadata(tenant) ? null : NotSupported(tenant, "media metadata", id), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (result, _) = await retriever.GetMetadataAsync(tenant!, target!, cancellationToken);
        LogProviderCall(tenant!.Id, tenant.Provider, mediaId, "metadata", result.Failure is null ? "found" : OutcomeCodes.Name(result.Failure.Outcome), result.Attempts, Milliseconds(started), requestId);
        return result.Metadata is { } metadata
            ? Results.Json(MediaMetadataResponse.From(tenant.Id, mediaId, tenant.Provider, metadata, timeProvider.GetUtcNow(), requestId))
            : ProviderProblems.For(request, result.Failure!, result.Attempts, options.Value.DefaultThrottleDelay, requestId);
    }

    /// <summary>
    /// GET /api/tenants/{tenantId}/media/{mediaId}/content: the file, streamed from the provider as it arrives and
    /// checked against its declared size and SHA-256 (docs/providers/meta.md; <see cref="MediaContentResult"/>).
    /// </summary>
    public async Task<IResult> GetMediaContentAsync(HttpRequest request, string tenantId, string mediaId, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var (requestId, tenant, target, refusal) = await ResolveAsync(
            request, tenantId, mediaId, (tenant, id) => retriever.SupportsContent(tenant) ? null : NotSupported(tenant, "media content", id), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (opening, attempts) = await retriever.OpenContentAsync(tenant!, target!, cancellationToken);
        LogProviderCall(tenant!.Id, tenant.Provider, mediaId, "content", opening.Failure is null ? "streaming" : OutcomeCodes.Name(opening.Failure.Outcome), attempts, Milliseconds(started), requestId);
        return opening.Download is { } download
            ? new MediaContentResult(download, tenant.Id, mediaId, requestId)
            : ProviderProblems.For(request, opening.Failure!, attempts, options.Value.DefaultThrottleDelay, requestId);
    }

    public async Task<IResult> QueueDeletionsAsync(HttpRequest request, string tenantId, CancellationToken cancellationToken)
    {
        var requestId = Begin(request);
        var (tenant, body, refusal) = await ReadBulkBodyAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        if (!DeletionBatch.TryParse(body, out var batch, out var problem))
        {
            return ProblemResults.Create(ErrorCodes.InvalidRequest, problem, requestId);
        }

        var submission = await submitter.SubmitAsync(tenant, batch, requestId, Caller(request), cancellationToken);
        return Accepted(tenant, submission, batch.Items.Count, requestId, registration: false);
    }

    /// <summary>POST /api/tenants/{tenantId}/media/registrations: media ids scheduled by the tenant's retention (docs/scheduling.md, "Retention").</summary>
    public async Task<IResult> RegisterMediaAsync(HttpRequest request, string tenantId, CancellationToken cancellationToken)
    {
        var requestId = Begin(request);
        var (tenant, body, refusal) = await ReadBulkBodyAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        if (!MediaRegistrations.TryParse(body, out var registrations, out var problem))
        {
            return ProblemResults.Create(ErrorCodes.InvalidRequest, problem, requestId);
        }

        var submission = await registrationSubmitter!.SubmitAsync(tenant, registrations, requestId, Caller(request), cancellationToken);
        return Accepted(tenant, submission, registrations.Items.Count, requestId, registration: true);
    }

    /// <summary>The entry checks both bulk routes share: the tenant's key, a JSON body within the size limit.</summary>
    private async Task<(Tenant? Tenant, ReadOnlyMemory<byte> Body, IResult? Refusal)> ReadBulkBodyAsync(
        HttpRequest request, string tenantId, string requestId, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await AuthenticateAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return (null, default, refusal);
        }

        if (!JsonContentType.IsJson(request))
        {
            return (null, default, ProblemResults.Create(ErrorCodes.UnsupportedMediaType, JsonContentType.Detail, requestId));
        }

        var body = request.ContentLength > DeletionBatch.MaxBodyBytes ? null : await RequestBody.ReadAsync(request, DeletionBatch.MaxBodyBytes, cancellationToken);
        return body is null ? (null, default, TooLarge(requestId)) : (tenant, body.Value, null);
    }

    /// <summary>The answer to a bulk submission: 202 with the batch, or the refusal of its body or items, or 503.</summary>
    private IResult Accepted(Tenant tenant, BatchSubmission submission, int items, string requestId, bool registration)
    {
        if (submission.Refusal is { } bodyRefusal)
        {
            return ProblemResults.Create(bodyRefusal.Code, bodyRefusal.Message, requestId);
        }

        if (submission.Errors is { } errors)
        {
            return ProblemResults.Create(errors[0].Code, $"{errors.Count} of {items} items are invalid; nothing was queued.", requestId, errors);
        }

        if (submission.UnavailableDetail is { } unavailable)
        {
            return ProblemResults.Create(ErrorCodes.QueueUnavailable, unavailable, requestId);
        }

        LogBatchQueued(tenant.Id, submission.BatchId!, submission.Accepted, requestId);
        return Results.Json(
            new BatchAcceptedResponse(
                tenant.Id, submission.BatchId!, submission.Accepted, requestId, submission.EstimatedCompletionAt, registration ? submission.ExpiredAtProvider : null),
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>GET /api/tenants/{tenantId}/media/deletions/{batchId}: the batch's totals and failures (docs/api.md, "Bulk deletions and batches").</summary>
    public async Task<IResult> GetBatchAsync(HttpRequest request, string tenantId, string batchId, CancellationToken cancellationToken)
    {
        var (requestId, tenant, refusal) = await BeginBatchAsync(request, tenantId, batchId, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        BatchStatus? status;
        try
        {
            status = await batches.GetAsync(tenant.Id, batchId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchReadFailure(exception, tenant.Id, batchId);
            return ProblemResults.Create(ErrorCodes.QueueUnavailable, "The batch state cannot be read right now; try again later.", requestId);
        }

        return status is null
            ? BatchNotFound(requestId)
            : Results.Json(BatchStatusResponse.From(status, timeProvider.GetUtcNow(), requestId));
    }

    /// <summary>
    /// GET …/media/deletions/schedule?until=…: the dry run (docs/scheduling.md, "Dry run"), what the tenant has
    /// scheduled up to <c>until</c> (default: as far ahead as a deletion may be scheduled), per UTC day. Changes nothing.
    /// </summary>
    public async Task<IResult> CountDueDeletionsAsync(HttpRequest request, string tenantId, CancellationToken cancellationToken)
    {
        var requestId = Begin(request);
        var (tenant, refusal) = await AuthenticateAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var latest = timeProvider.GetUtcNow().AddDays(DeleteAt.MaxDaysAhead);
        if (QueryParameters.Repeated(request.Query, ["until"]) is { } repeated)
        {
            return ProblemResults.Create(ErrorCodes.InvalidRequest, repeated, requestId);
        }

        if (!QueryParameters.TryTime(request.Query, "until", out var requestedUntil, out var problem))
        {
            return ProblemResults.Create(ErrorCodes.InvalidRequest, problem, requestId);
        }

        if (requestedUntil > latest)
        {
            return ProblemResults.Create(
                ErrorCodes.InvalidRequest,
                $"Query parameter 'until' may be at most {DeleteAt.MaxDaysAhead:N0} days ahead, as far as a deletion may be scheduled.",
                requestId);
        }

        var until = requestedUntil ?? latest;
        DueDeletions due;
        try
        {
            due = await (dueCounter ?? throw new InvalidOperationException("No due-deletion counter is registered.")).CountAsync(tenant.Id, until, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogScheduleReadFailure(exception, tenant.Id);
            return ProblemResults.Create(ErrorCodes.QueueUnavailable, "The tenant's schedule cannot be read right now; try again later.", requestId);
        }

        return Results.Json(new DueDeletionsResponse(
            tenant.Id,
            until,
            due.Total,
            due.Days.Select(day => new DueDayResponse(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Count)).ToList(),
            requestId));
    }

    /// <summary>
    /// GET /api/tenants/{tenantId}/receipts: one page of the tenant's receipts as NDJSON, in chain order (docs/receipts.md,
    /// "Export"); <c>X-Continuation-Token</c> names the next page while there is one.
    /// </summary>
    public async Task<IResult> ExportReceiptsAsync(HttpRequest request, string tenantId, CancellationToken cancellationToken)
    {
        var requestId = Begin(request);
        var (tenant, refusal) = await AuthenticateAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        if (!ReceiptExportQuery.TryRead(request.Query, out var query, out var problem))
        {
            return ProblemResults.Create(ErrorCodes.InvalidRequest, problem, requestId);
        }

        ReceiptExportPage page;
        try
        {
            var store = receiptStore ?? throw new InvalidOperationException("No receipt store is registered.");
            page = await ReceiptExportPage.ReadAsync(store, tenant.Id, query, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReceiptReadFailure(exception, tenant.Id);
            return ProblemResults.Create(ErrorCodes.QueueUnavailable, "The tenant's receipts cannot be read right now; try again later.", requestId);
        }

        if (page.ContinueAfter is { } after)
        {
            request.HttpContext.Response.Headers[ReceiptContinuationHeader] = after.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Text(page.Body, "application/x-ndjson", System.Text.Encoding.UTF8);
    }

    /// <summary>The header that names the next page of a receipt export.</summary>
    public const string ReceiptContinuationHeader = "X-Continuation-Token";

    /// <summary>DELETE …/media/deletions/{batchId}: cancels the batch's items still waiting for their <c>deleteAt</c> (docs/scheduling.md, "Cancel and reschedule").</summary>
    public Task<IResult> CancelBatchAsync(HttpRequest request, string tenantId, string batchId, CancellationToken cancellationToken) =>
        EditScheduleAsync(request, tenantId, batchId, reschedule: false, cancellationToken);

    /// <summary>PATCH …/media/deletions/{batchId} with <c>{"deleteAt": …}</c>: moves those items to a new time.</summary>
    public Task<IResult> RescheduleBatchAsync(HttpRequest request, string tenantId, string batchId, CancellationToken cancellationToken) =>
        EditScheduleAsync(request, tenantId, batchId, reschedule: true, cancellationToken);

    private async Task<IResult> EditScheduleAsync(HttpRequest request, string tenantId, string batchId, bool reschedule, CancellationToken cancellationToken)
    {
        var (requestId, tenant, refusal) = await BeginBatchAsync(request, tenantId, batchId, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        DateTimeOffset dueAt = default;
        if (reschedule)
        {
            if (!JsonContentType.IsJson(request))
            {
                return ProblemResults.Create(ErrorCodes.UnsupportedMediaType, JsonContentType.Detail, requestId);
            }

            var body = await RequestBody.ReadAsync(request, RescheduleRequest.MaxBodyBytes, cancellationToken);
            if (body is null)
            {
                return ProblemResults.Create(ErrorCodes.PayloadTooLarge, $"The body must be at most {RescheduleRequest.MaxBodyBytes} bytes.", requestId);
            }

            var now = timeProvider.GetUtcNow();
            if (!RescheduleRequest.TryRead(body.Value, now, out var requested, out var invalid))
            {
                return ProblemResults.Create(invalid.Code, invalid.Message, requestId);
            }

            dueAt = requested ?? now;
        }

        BatchScheduleChange? change;
        try
        {
            var editor = scheduleEditor ?? throw new InvalidOperationException("No schedule editor is registered.");
            change = reschedule
                ? await editor.RescheduleAsync(tenant.Id, batchId, dueAt, cancellationToken)
                : await editor.CancelAsync(tenant.Id, batchId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchReadFailure(exception, tenant.Id, batchId);
            return ProblemResults.Create(ErrorCodes.QueueUnavailable, "The batch's schedule cannot be changed right now; sending the request again is safe.", requestId);
        }

        if (change is null)
        {
            return BatchNotFound(requestId);
        }

        LogScheduleChanged(tenant.Id, batchId, reschedule ? "rescheduled" : "cancelled", change.Changed, change.AlreadySent, requestId);
        return Results.Json(reschedule
            ? new BatchScheduleResponse(tenant.Id, batchId, change.Cancelled, change.AlreadySent, requestId, change.Changed, dueAt)
            : new BatchScheduleResponse(tenant.Id, batchId, change.Changed, change.AlreadySent, requestId));
    }

    /// <summary>
    /// What every route on one media object starts with: the request id, the tenant (401/400/500/503 when it cannot be
    /// had), <paramref name="gate"/>'s refusal for an operation the provider lacks (checked before the ids, so a 501
    /// never depends on them), then the target with the phone the call uses (400 when an id fails the provider's format).
    /// Exactly one of the target and the refusal is set.
    /// </summary>
    private async Task<(string RequestId, Tenant? Tenant, MediaTarget? Target, IResult? Refusal)> ResolveAsync(
        HttpRequest request, string tenantId, string mediaId, Func<Tenant, string, IResult?>? gate, CancellationToken cancellationToken)
    {
        var requestId = Begin(request);
        var (tenant, refusal) = await AuthenticateAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return (requestId, null, null, refusal);
        }

        if (gate?.Invoke(tenant, requestId) is { } unsupported)
        {
            return (requestId, tenant, null, unsupported);
        }

        var phone = request.Query.TryGetValue("phone", out var phones) ? phones.ToString() : null;
        return client.TryResolve(tenant, mediaId, phone, out var target, out var invalid)
            ? (requestId, tenant, target, null)
            : (requestId, tenant, null, ProblemResults.Create(invalid.Code, invalid.Message, requestId));
    }

    /// <summary>Settles the request id and puts it on the response first, so every answer, errors included, carries it.</summary>
    /// <summary>Who asked, for the receipts: an id of the API key sent, never the key (docs/receipts.md).</summary>
    private static string Caller(HttpRequest request) => ReceiptRecorder.ApiKeyCaller(request.Headers[ApiKeyHeader].ToString());

    private static string Begin(HttpRequest request) => RequestIds.Settle(request.HttpContext);

    private async Task<(Tenant? Tenant, IResult? Refusal)> AuthenticateAsync(HttpRequest request, string tenantId, string requestId, CancellationToken cancellationToken)
    {
        var apiKey = request.Headers.TryGetValue(ApiKeyHeader, out var keys) ? keys.ToString() : null;
        var authentication = await authenticator.AuthenticateAsync(tenantId, apiKey, cancellationToken);
        return authentication.Status == TenantAuthenticationStatus.Authenticated
            ? (authentication.Tenant, null)
            : (null, AuthenticationProblems.For(authentication, requestId));
    }

    /// <summary>What every batch route starts with: the request id, the tenant, and a batch id of the service's form (else the refusal).</summary>
    private async Task<(string RequestId, Tenant? Tenant, IResult? Refusal)> BeginBatchAsync(HttpRequest request, string tenantId, string batchId, CancellationToken cancellationToken)
    {
        var requestId = Begin(request);
        var (tenant, refusal) = await AuthenticateAsync(request, tenantId, requestId, cancellationToken);
        if (tenant is null)
        {
            return (requestId, null, refusal);
        }

        return BatchIds.IsValid(batchId)
            ? (requestId, tenant, null)
            : (requestId, null, ProblemResults.Create(ErrorCodes.InvalidBatchId, $"A batch id is {BatchIds.Length} lowercase hexadecimal digits, as POST …/media/deletions returns it.", requestId));
    }

    private static IResult BatchNotFound(string requestId) =>
        ProblemResults.Create(ErrorCodes.BatchNotFound, "This tenant has no batch with that id (or it is past its retention).", requestId);

    private static IResult TooLarge(string requestId) => ProblemResults.Create(ErrorCodes.PayloadTooLarge, $"The body must be at most {DeletionBatch.MaxBodyBytes} bytes.", requestId);

    /// <summary>501 for an operation the tenant's provider does not offer through the service; nothing was sent.</summary>
    private IResult NotSupported(Tenant tenant, string what, string requestId) => ProblemResults.Create(ErrorCodes.OperationNotSupported,
        retriever.SupportsMetadata(tenant)
            ? $"The {tenant.Provider} provider offers no {what} through this service; GET …/media/{{mediaId}} gives what it does offer (the file's url where it gives one)."
            : $"The {tenant.Provider} provider's public API has no call for {what}.",
        requestId);

    private long Milliseconds(long started) => (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>The one Information line of a request that called the provider (docs/logging.md).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} ({Provider}) media {MediaId}: {Operation} {Outcome} after {Attempts} attempt(s) in {ElapsedMilliseconds} ms; request {RequestId}.")]
    private partial void LogProviderCall(string tenantId, string provider, string mediaId, string operation, string outcome, int attempts, long elapsedMilliseconds, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: batch {BatchId} of {Count} deletions queued; request {RequestId}.")]
    private partial void LogBatchQueued(string tenantId, string batchId, int count, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId}: the receipts could not be read.")]
    private partial void LogReceiptReadFailure(Exception exception, string tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId}: the scheduled deletions could not be counted.")]
    private partial void LogScheduleReadFailure(Exception exception, string tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {TenantId}: the state of batch {BatchId} could not be read.")]
    private partial void LogBatchReadFailure(Exception exception, string tenantId, string batchId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId}: batch {BatchId} {Change}: {Changed} item(s); {AlreadySent} had already gone (request {RequestId}).")]
    private partial void LogScheduleChanged(string tenantId, string batchId, string change, int changed, int alreadySent, string requestId);
}

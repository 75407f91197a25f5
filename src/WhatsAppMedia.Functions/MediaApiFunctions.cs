using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Functions;

/// <summary>
/// The HTTP API as Azure Functions: each function hands the request and its route values to <see cref="MediaApi"/>
/// and returns the result it gives. Authorization is anonymous at the Functions level because the service
/// authenticates every tenant route itself with <c>X-Api-Key</c>.
/// </summary>
public sealed class MediaApiFunctions(MediaApi mediaApi)
{
    /// <summary>DELETE /api/tenants/{tenantId}/media/{mediaId}: deletes one media object now.</summary>
    /// <remarks>
    /// No route constraints on purpose: a malformed id must reach the core and get its specific 400 code,
    /// not a routing 404.
    /// </remarks>
    [Function("DeleteMedia")]
    public Task<IResult> DeleteMediaAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Delete, Route = ApiRoutes.Media)] HttpRequest request,
        string tenantId,
        string mediaId,
        CancellationToken cancellationToken) =>
        mediaApi.DeleteMediaAsync(request, tenantId, mediaId, cancellationToken);

    /// <summary>GET /api/tenants/{tenantId}/media/{mediaId}: the media object's metadata from the tenant's provider.</summary>
    [Function("GetMedia")]
    public Task<IResult> GetMediaAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.Media)] HttpRequest request,
        string tenantId,
        string mediaId,
        CancellationToken cancellationToken) =>
        mediaApi.GetMediaAsync(request, tenantId, mediaId, cancellationToken);

    /// <summary>GET /api/tenants/{tenantId}/media/{mediaId}/content: the file, streamed and checked as it arrives.</summary>
    /// <remarks>
    /// "GetMediaContent" sorts after "GetDeletionBatch", whose route <c>…/media/deletions/{batchId}</c> shares this one's
    /// shape: the host tries routes in name order, so <c>…/media/deletions/content</c> is a batch id there, as it is on the
    /// local host by route precedence (see <see cref="ApiRoutes.MediaContent"/>; FunctionsMetadataTests holds the order).
    /// </remarks>
    [Function("GetMediaContent")]
    public Task<IResult> GetMediaContentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.MediaContent)] HttpRequest request,
        string tenantId,
        string mediaId,
        CancellationToken cancellationToken) =>
        mediaApi.GetMediaContentAsync(request, tenantId, mediaId, cancellationToken);

    /// <summary>POST /api/tenants/{tenantId}/media/deletions: queues many deletions.</summary>
    [Function("QueueDeletions")]
    public Task<IResult> QueueDeletionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Post, Route = ApiRoutes.Deletions)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        mediaApi.QueueDeletionsAsync(request, tenantId, cancellationToken);

    /// <summary>POST /api/tenants/{tenantId}/media/registrations: schedules media ids by the tenant's retention policy.</summary>
    [Function("RegisterMedia")]
    public Task<IResult> RegisterMediaAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Post, Route = ApiRoutes.Registrations)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        mediaApi.RegisterMediaAsync(request, tenantId, cancellationToken);

    /// <summary>GET /api/tenants/{tenantId}/receipts: the tenant's deletion receipts, one NDJSON page.</summary>
    [Function("ExportReceipts")]
    public Task<IResult> ExportReceiptsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.Receipts)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        mediaApi.ExportReceiptsAsync(request, tenantId, cancellationToken);

    /// <summary>
    /// GET /api/tenants/{tenantId}/media/deletions/schedule: the dry run. Named to sort before <c>GetDeletionBatch</c>,
    /// whose route also matches the path: the Functions host tries routes in the order of their functions' names
    /// (https://github.com/Azure/azure-functions-host/issues/9876).
    /// </summary>
    [Function("CountScheduledDeletions")]
    public Task<IResult> CountScheduledDeletionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.DeletionSchedule)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        mediaApi.CountDueDeletionsAsync(request, tenantId, cancellationToken);

    /// <summary>GET /api/tenants/{tenantId}/media/deletions/{batchId}: a queued batch's totals and failures.</summary>
    [Function("GetDeletionBatch")]
    public Task<IResult> GetBatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.Batch)] HttpRequest request,
        string tenantId,
        string batchId,
        CancellationToken cancellationToken) =>
        mediaApi.GetBatchAsync(request, tenantId, batchId, cancellationToken);

    /// <summary>DELETE /api/tenants/{tenantId}/media/deletions/{batchId}: cancels a batch's items still waiting for their time.</summary>
    [Function("CancelDeletionBatch")]
    public Task<IResult> CancelBatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Delete, Route = ApiRoutes.Batch)] HttpRequest request,
        string tenantId,
        string batchId,
        CancellationToken cancellationToken) =>
        mediaApi.CancelBatchAsync(request, tenantId, batchId, cancellationToken);

    /// <summary>PATCH /api/tenants/{tenantId}/media/deletions/{batchId}: moves those items to a new time.</summary>
    [Function("RescheduleDeletionBatch")]
    public Task<IResult> RescheduleBatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Patch, Route = ApiRoutes.Batch)] HttpRequest request,
        string tenantId,
        string batchId,
        CancellationToken cancellationToken) =>
        mediaApi.RescheduleBatchAsync(request, tenantId, batchId, cancellationToken);

    /// <summary>GET /api/health: answers while the process is up.</summary>
    [Function("Health")]
    public static IResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.Health)] HttpRequest request) =>
        MediaApi.Health(request);
}

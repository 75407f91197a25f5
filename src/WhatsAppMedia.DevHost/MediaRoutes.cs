using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.DevHost;

/// <summary>
/// The routes of <see cref="ApiRoutes"/> on Kestrel: each hands its request to <see cref="MediaApi"/>, nothing more.
/// Requests no route takes are answered by ASP.NET Core's routing (404, 405 with Allow) through the status code pages.
/// </summary>
public static class MediaRoutes
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/" + ApiRoutes.Prefix);
        api.Map(ApiRoutes.DeleteMediaRoute, (HttpRequest request, string tenantId, string mediaId, MediaApi media, CancellationToken cancellationToken) =>
            media.DeleteMediaAsync(request, tenantId, mediaId, cancellationToken));
        api.Map(ApiRoutes.GetMediaRoute, (HttpRequest request, string tenantId, string mediaId, MediaApi media, CancellationToken cancellationToken) =>
            media.GetMediaAsync(request, tenantId, mediaId, cancellationToken));
        api.Map(ApiRoutes.GetMediaContentRoute, (HttpRequest request, string tenantId, string mediaId, MediaApi media, CancellationToken cancellationToken) =>
            media.GetMediaContentAsync(request, tenantId, mediaId, cancellationToken));
        api.Map(ApiRoutes.QueueDeletionsRoute, (HttpRequest request, string tenantId, MediaApi media, CancellationToken cancellationToken) =>
            media.QueueDeletionsAsync(request, tenantId, cancellationToken));
        api.Map(ApiRoutes.RegisterMediaRoute, (HttpRequest request, string tenantId, MediaApi media, CancellationToken cancellationToken) =>
            media.RegisterMediaAsync(request, tenantId, cancellationToken));
        api.Map(ApiRoutes.DeletionScheduleRoute, (HttpRequest request, string tenantId, MediaApi media, CancellationToken cancellationToken) =>
            media.CountDueDeletionsAsync(request, tenantId, cancellationToken));
        api.Map(ApiRoutes.BatchStatusRoute, (HttpRequest request, string tenantId, string batchId, MediaApi media, CancellationToken cancellationToken) =>
            media.GetBatchAsync(request, tenantId, batchId, cancellationToken));
        api.Map(ApiRoutes.CancelBatchRoute, (HttpRequest request, string tenantId, string batchId, MediaApi media, CancellationToken cancellationToken) =>
            media.CancelBatchAsync(request, tenantId, batchId, cancellationToken));
        api.Map(ApiRoutes.RescheduleBatchRoute, (HttpRequest request, string tenantId, string batchId, MediaApi media, CancellationToken cancellationToken) =>
            media.RescheduleBatchAsync(request, tenantId, batchId, cancellationToken));
        api.Map(ApiRoutes.ExportReceiptsRoute, (HttpRequest request, string tenantId, MediaApi media, CancellationToken cancellationToken) =>
            media.ExportReceiptsAsync(request, tenantId, cancellationToken));
        api.Map(ApiRoutes.SigningKeyRoute, (HttpRequest request, SigningKeyApi signingKey, CancellationToken cancellationToken) =>
            signingKey.GetAsync(request, cancellationToken));
        api.Map(ApiRoutes.HealthRoute, (HttpRequest request) => MediaApi.Health(request));
        return routes;
    }

    // Upper case, as HTTP spells methods: ASP.NET Core matches them case-insensitively but writes a 405's Allow as mapped.
    private static void Map(this RouteGroupBuilder api, ApiRoute route, Delegate handler) =>
        api.MapMethods(route.Template, [route.Method.ToUpperInvariant()], handler);
}

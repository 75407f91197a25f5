using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.DevHost;

/// <summary>The Functions app's routes on Kestrel: each hands its request to <see cref="MediaApi"/>, nothing more.</summary>
public static class MediaRoutes
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapDelete("/tenants/{tenantId}/media/{mediaId}", (HttpRequest request, string tenantId, string mediaId, MediaApi media, CancellationToken cancellationToken) =>
            media.DeleteMediaAsync(request, tenantId, mediaId, cancellationToken));
        api.MapPost("/tenants/{tenantId}/media/deletions", (HttpRequest request, string tenantId, MediaApi media, CancellationToken cancellationToken) =>
            media.QueueDeletionsAsync(request, tenantId, cancellationToken));
        api.MapGet("/tenants/{tenantId}/media/deletions/{batchId}", (HttpRequest request, string tenantId, string batchId, MediaApi media, CancellationToken cancellationToken) =>
            media.GetBatchAsync(request, tenantId, batchId, cancellationToken));
        api.MapGet("/health", (HttpRequest request) => MediaApi.Health(request));
        return routes;
    }
}

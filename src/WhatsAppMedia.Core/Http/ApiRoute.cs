namespace WhatsAppMedia.Core.Http;

/// <summary>One route of <see cref="ApiRoutes"/>: its template under the <c>api</c> prefix and the one method it takes.</summary>
public sealed record ApiRoute(string Template, string Method);

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace WhatsAppMedia.Core;

/// <summary>
/// Every code the service answers or writes, with its HTTP status, title, whether retrying can help, and what the queue
/// does with a message that ends with it: the one place these facts live (docs/api.md, "Codes"). Problem answers take
/// their status and title from here; the queue consumer its fate; tests hold docs/openapi.json and the <c>-failed</c>
/// schema to it.
/// </summary>
internal static class ErrorTable
{
    private const string Invalid = "The request is invalid.";
    private const string ProviderRefused = "The provider refused the request.";
    private const string Unavailable = "A dependency is unavailable; try again later.";

    public static IReadOnlyList<ErrorDefinition> All { get; } =
    [
        new(ErrorCodes.InvalidTenantId, Status400BadRequest, Invalid, false, QueueFate.Failed),
        new(ErrorCodes.InvalidMediaId, Status400BadRequest, Invalid, false, QueueFate.Failed),
        new(ErrorCodes.InvalidPhone, Status400BadRequest, Invalid, false, QueueFate.Failed),
        new(ErrorCodes.PhoneRequired, Status400BadRequest, Invalid, false, QueueFate.Failed),
        new(ErrorCodes.InvalidRequest, Status400BadRequest, Invalid, false, QueueFate.None),
        new(ErrorCodes.InvalidBatchId, Status400BadRequest, Invalid, false, QueueFate.None),
        new(ErrorCodes.InvalidDeleteAt, Status400BadRequest, Invalid, false, QueueFate.None),
        new(ErrorCodes.InvalidRegistration, Status400BadRequest, Invalid, false, QueueFate.None),
        new(ErrorCodes.Unauthorized, Status401Unauthorized, "The API key is missing or not valid for this tenant.", false, QueueFate.None),
        new(ErrorCodes.NotFound, Status404NotFound, "There is no such resource.", false, QueueFate.None),
        new(ErrorCodes.MediaNotFound, Status404NotFound, "The provider says the media does not exist.", false, QueueFate.Settled),
        new(ErrorCodes.BatchNotFound, Status404NotFound, "No such batch.", false, QueueFate.None),
        new(ErrorCodes.MethodNotAllowed, Status405MethodNotAllowed, "The method is not allowed for this resource.", false, QueueFate.None),
        new(ErrorCodes.RequestTimeout, Status408RequestTimeout, "The request did not arrive in time.", true, QueueFate.None),
        new(ErrorCodes.RetentionNotSet, Status409Conflict, "The tenant has no retention policy.", false, QueueFate.None),
        new(ErrorCodes.PayloadTooLarge, Status413PayloadTooLarge, "The request body is too large.", false, QueueFate.None),
        new(ErrorCodes.UnsupportedMediaType, Status415UnsupportedMediaType, "The request body must be JSON.", false, QueueFate.None),
        new(ErrorCodes.RateLimited, Status429TooManyRequests, "The tenant's request budget has no free slot soon enough.", true, QueueFate.Deferred),
        new(ErrorCodes.ProviderThrottled, Status429TooManyRequests, "The provider is throttling requests.", true, QueueFate.Deferred),
        new(ErrorCodes.TenantMisconfigured, Status500InternalServerError, "The request failed.", false, QueueFate.Failed),
        new(ErrorCodes.InternalError, Status500InternalServerError, "An unexpected error occurred.", false, QueueFate.None),
        new(ErrorCodes.OperationNotSupported, Status501NotImplemented, "The tenant's provider does not offer this operation.", false, QueueFate.None),
        new(ErrorCodes.ProviderRejected, Status502BadGateway, ProviderRefused, false, QueueFate.Failed),
        new(ErrorCodes.ProviderAuthFailed, Status502BadGateway, ProviderRefused, false, QueueFate.Failed),
        new(ErrorCodes.ProviderUnavailable, Status503ServiceUnavailable, Unavailable, true, QueueFate.Retried),
        new(ErrorCodes.CredentialsUnavailable, Status503ServiceUnavailable, Unavailable, true, QueueFate.Retried),
        new(ErrorCodes.QueueUnavailable, Status503ServiceUnavailable, Unavailable, true, QueueFate.None),
        new(ErrorCodes.ProviderTimeout, Status504GatewayTimeout, "The provider did not answer in time.", true, QueueFate.Retried),

        // Only in -failed entries (docs/formats.md, "-failed entry").
        new(ErrorCodes.MalformedMessage, null, null, false, QueueFate.Failed),
        new(ErrorCodes.UnknownTenant, null, null, false, QueueFate.Failed),
        new(ErrorCodes.TenantDisabled, null, null, false, QueueFate.Failed),
    ];

    private static readonly Dictionary<string, ErrorDefinition> ByCode = All.ToDictionary(row => row.Code, StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The code is not in the table.</exception>
    public static ErrorDefinition For(string code) =>
        ByCode.TryGetValue(code, out var row) ? row : throw new ArgumentException($"'{code}' is not a code of the service.", nameof(code));
}

using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Core.Http;

/// <summary>Builds the contract's problem+json answers.</summary>
internal static class ProblemResults
{
    public static IResult Create(int status, string code, string detail, string requestId, IReadOnlyList<ItemError>? errors = null) =>
        Results.Json(
            new Problem(Problem.TypeFor(code), TitleFor(status, code), status, detail, code, requestId, errors),
            contentType: Problem.ContentType,
            statusCode: status);

    private static string TitleFor(int status, string code) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is invalid.",
        StatusCodes.Status401Unauthorized => "The API key is missing or not valid for this tenant.",
        StatusCodes.Status404NotFound when code == ErrorCodes.NotFound => "There is no such resource.",
        StatusCodes.Status404NotFound when code == ErrorCodes.BatchNotFound => "No such batch.",
        StatusCodes.Status404NotFound => "The provider says the media does not exist.",
        StatusCodes.Status405MethodNotAllowed => "The method is not allowed for this resource.",
        StatusCodes.Status408RequestTimeout => "The request did not arrive in time.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON.",
        StatusCodes.Status429TooManyRequests => "The provider is throttling requests.",
        StatusCodes.Status501NotImplemented => "The tenant's provider does not offer this operation.",
        StatusCodes.Status502BadGateway => "The provider refused the request.",
        StatusCodes.Status503ServiceUnavailable => "A dependency is unavailable; try again later.",
        StatusCodes.Status504GatewayTimeout => "The provider did not answer in time.",
        StatusCodes.Status500InternalServerError when code == ErrorCodes.InternalError => "An unexpected error occurred.",
        _ => "The request failed.",
    };
}

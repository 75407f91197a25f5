using Microsoft.AspNetCore.Http;

namespace WhatsAppMedia.Core.Http;

/// <summary>Builds the problem+json answers (docs/api.md, "Conventions"), status and title from <see cref="ErrorTable"/>.</summary>
internal static class ProblemResults
{
    /// <summary>The answer for <paramref name="code"/>, with the status and title the table gives it.</summary>
    /// <exception cref="ArgumentException">The code is unknown, or only a <c>-failed</c> entry carries it.</exception>
    public static IResult Create(string code, string detail, string requestId, IReadOnlyList<ItemError>? errors = null)
    {
        var row = ErrorTable.For(code);
        var status = row.Status ?? throw new ArgumentException($"'{code}' is no HTTP answer; only -failed entries carry it.", nameof(code));
        return Json(status, row.Title!, code, detail, requestId, errors);
    }

    /// <summary>
    /// The answer for a status the server chose while reading the request (<see cref="FrameworkProblems"/>): the code's
    /// title where the status is the code's own, else a neutral one (a 431 or 414 carries <c>invalid_request</c>).
    /// </summary>
    public static IResult Create(int status, string code, string detail, string requestId)
    {
        var row = ErrorTable.For(code);
        return Json(status, row.Status == status ? row.Title! : "The request failed.", code, detail, requestId, null);
    }

    private static IResult Json(int status, string title, string code, string detail, string requestId, IReadOnlyList<ItemError>? errors) =>
        Results.Json(
            new Problem(Problem.TypeFor(code), title, status, detail, code, requestId, errors),
            contentType: Problem.ContentType,
            statusCode: status);
}

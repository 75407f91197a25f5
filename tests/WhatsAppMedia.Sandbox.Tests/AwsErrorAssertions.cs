using System.Net;
using System.Text.Json;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>AWS's error shape, as both AWS operations of the sandbox must answer it.</summary>
internal static class AwsErrorAssertions
{
    /// <summary>Checks the status, <c>x-amzn-ErrorType</c> (with the coral namespace for front-end errors) and a body of only <c>message</c>; returns the message.</summary>
    public static async Task<string> ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string errorType, bool expectNamespace = true)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/json");
        var header = response.Headers.GetValues("x-amzn-ErrorType").ShouldHaveSingleItem();
        header.ShouldBe(expectNamespace ? errorType + ":http://internal.amazon.com/coral/com.amazon.coral.service/" : errorType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.EnumerateObject().Select(property => property.Name).ShouldBe(["message"]);
        return body.RootElement.GetProperty("message").GetString().ShouldNotBeNull();
    }
}

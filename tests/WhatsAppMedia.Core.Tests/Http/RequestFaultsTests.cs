using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Core.Tests.Http;

/// <summary>
/// The answers both hosts give an exception that escaped a handler (docs/api.md, "Conventions"). The Functions worker's
/// HttpFaultMiddleware returns <see cref="RequestFaults.Answer"/> as its invocation result; the local host's exception
/// handler uses <see cref="RequestFaults.Classify"/>.
/// </summary>
public class RequestFaultsTests
{
    private const string SecretInException = "S3CR3T-in-the-exception";

    [Fact]
    public async Task An_unexpected_exception_is_500_internal_error_without_details_with_the_request_id_and_an_error_log()
    {
        var logger = new FakeLogger();
        var context = NewContext("fault-500");
        // What a handler may have set before it failed does not belong to the error answer.
        context.Response.Headers.RetryAfter = "30";

        var answer = RequestFaults.Answer(context, new InvalidOperationException(SecretInException), logger).ShouldNotBeNull();
        var (status, body) = await ExecuteAsync(answer, context);

        status.ShouldBe(StatusCodes.Status500InternalServerError);
        context.Response.ContentType.ShouldBe("application/problem+json");
        context.Response.Headers[RequestIds.HeaderName].ToString().ShouldBe("fault-500");
        context.Response.Headers.RetryAfter.ToString().ShouldBeEmpty();
        body.ShouldNotContain(SecretInException);
        body.ShouldNotContain("Exception");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("internal_error");
        problem.GetProperty("status").GetInt32().ShouldBe(500);
        problem.GetProperty("requestId").GetString().ShouldBe("fault-500");
        var logged = logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Exception!.Message.ShouldBe(SecretInException);
        logged.Message.ShouldContain("fault-500");
    }

    [Fact]
    public async Task A_request_the_server_refused_while_reading_is_answered_with_its_status_and_logged_as_information()
    {
        var logger = new FakeLogger();
        var context = NewContext("slow-1");

        var answer = RequestFaults.Answer(context, new BadHttpRequestException("Reading the request body timed out.", StatusCodes.Status408RequestTimeout), logger).ShouldNotBeNull();
        var (status, body) = await ExecuteAsync(answer, context);

        status.ShouldBe(StatusCodes.Status408RequestTimeout);
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("request_timeout");
        var logged = logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Information);
        logged.Exception.ShouldBeNull();
    }

    [Fact]
    public void A_request_the_caller_abandoned_gets_no_answer_and_a_debug_log()
    {
        var logger = new FakeLogger();
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        var context = NewContext("gone-1");
        context.RequestAborted = aborted.Token;

        RequestFaults.Answer(context, new OperationCanceledException(aborted.Token), logger).ShouldBeNull();

        logger.Collector.GetSnapshot().ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Debug);
    }

    [Fact]
    public void A_cancellation_while_the_caller_is_still_there_is_a_fault_of_ours()
    {
        var logger = new FakeLogger();

        RequestFaults.Classify(NewContext("cancel-1"), new OperationCanceledException(), logger).ShouldBe(StatusCodes.Status500InternalServerError);

        logger.Collector.GetSnapshot().ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
    }

    private static DefaultHttpContext NewContext(string requestId)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "DELETE";
        context.Request.Path = "/api/tenants/demo-meta/media/1";
        context.Request.Headers[RequestIds.HeaderName] = requestId;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IResult answer, HttpContext context)
    {
        await answer.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}

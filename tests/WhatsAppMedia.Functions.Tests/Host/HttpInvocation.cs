using WhatsAppMedia.Functions.Tests.Rpc;

namespace WhatsAppMedia.Functions.Tests.Host;

/// <summary>One HTTP call through the test host: the worker's HTTP answer and its InvocationResponse (null when no function matched).</summary>
internal sealed record HttpInvocation(HttpResponseMessage Response, InvocationResponse? Invocation)
{
    /// <summary>Where <see cref="TestFunctionsHost.CreateClient"/> leaves the InvocationResponse on the request.</summary>
    public static readonly HttpRequestOptionsKey<InvocationResponse> InvocationKey = new("FunctionsInvocation");

    /// <summary>
    /// Set on a request to read the worker's answer while it is written: the host hands the response on at its headers
    /// and does not wait for the InvocationResponse, which only comes once the function has written its whole body.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> StreamKey = new("FunctionsStreamResponse");
}

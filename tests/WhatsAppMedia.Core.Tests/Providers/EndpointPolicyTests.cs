using WhatsAppMedia.Core.Providers;

namespace WhatsAppMedia.Core.Tests.Providers;

public class EndpointPolicyTests
{
    [Theory]
    [InlineData("https://graph.facebook.com")]
    [InlineData("https://api2.nxcloud.com/")]
    [InlineData("http://127.0.0.1:7080/meta")]
    [InlineData("http://localhost:7080")]
    [InlineData("http://[::1]:7080/aws")]
    [InlineData("http://127.8.9.10:1234")]
    public void Allows_https_and_loopback_http(string url) => EndpointPolicy.IsAllowed(new Uri(url)).ShouldBeTrue();

    [Theory]
    [InlineData("http://graph.facebook.com")]
    [InlineData("http://10.0.0.1:7080")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://user:pass@graph.facebook.com")]
    [InlineData("https://graph.facebook.com/?access_token=x")]
    [InlineData("http://localhost.example.com")]
    public void Refuses_everything_else(string url) => EndpointPolicy.IsAllowed(new Uri(url)).ShouldBeFalse();
}

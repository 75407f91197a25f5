using Azure.Storage.Queues;
using WhatsAppMedia.Core.Queues;

namespace WhatsAppMedia.Core.Tests.Queues;

/// <summary>The values <c>extensions.queues.messageEncoding</c> takes, as the Functions host reads them.</summary>
public sealed class QueueMessageEncodingSettingTests
{
    [Theory]
    [InlineData(null, QueueMessageEncoding.Base64)]
    [InlineData("base64", QueueMessageEncoding.Base64)]
    [InlineData("Base64", QueueMessageEncoding.Base64)]
    [InlineData("none", QueueMessageEncoding.None)]
    [InlineData(" NONE ", QueueMessageEncoding.None)]
    public void The_encoding_setting_reads_the_functions_values(string? value, QueueMessageEncoding expected) =>
        QueueMessageEncodingSetting.Parse(value).ShouldBe(expected);

    [Theory]
    [InlineData("utf8")]
    [InlineData("base-64")]
    public void An_unknown_encoding_is_refused_naming_the_setting(string value) =>
        Should.Throw<FormatException>(() => QueueMessageEncodingSetting.Parse(value)).Message.ShouldContain("extensions.queues.messageEncoding");
}

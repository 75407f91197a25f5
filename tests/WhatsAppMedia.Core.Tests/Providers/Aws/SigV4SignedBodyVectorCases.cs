namespace WhatsAppMedia.Core.Tests.Providers.Aws;

/// <summary>
/// The awslabs aws-c-auth SigV4 suite's cases that sign a body (<c>sign_body: true</c>), transcribed from
/// shared/vectors/aws-sigv4-v4 (Apache-2.0) so the tests pass without that folder: the request as sent (headers, a
/// blank line, the body), the expected canonical request, string to sign and signature. Both sign
/// <c>content-length;content-type;host;x-amz-content-sha256;x-amz-date</c>, the set <see cref="Core.Providers.Aws.SigV4Body"/>
/// signs for GetWhatsAppMessageMedia's JSON body.
/// </summary>
public static class SigV4SignedBodyVectorCases
{
    /// <summary>name, request as sent (with its body), canonical request, string to sign, signature.</summary>
    public static TheoryData<string, string, string, string, string> Cases { get; } = new()
    {
        {
            "post-x-www-form-urlencoded",
            """
            POST / HTTP/1.1
            Content-Type:application/x-www-form-urlencoded
            Host:example.amazonaws.com
            Content-Length:13

            Param1=value1
            """,
            """
            POST
            /

            content-length:13
            content-type:application/x-www-form-urlencoded
            host:example.amazonaws.com
            x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
            x-amz-date:20150830T123600Z

            content-length;content-type;host;x-amz-content-sha256;x-amz-date
            9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
            """,
            """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb
            """,
            "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"
        },
        {
            "post-x-www-form-urlencoded-parameters",
            """
            POST / HTTP/1.1
            Content-Type:application/x-www-form-urlencoded; charset=utf-8
            Host:example.amazonaws.com
            Content-Length:13

            Param1=value1
            """,
            """
            POST
            /

            content-length:13
            content-type:application/x-www-form-urlencoded; charset=utf-8
            host:example.amazonaws.com
            x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
            x-amz-date:20150830T123600Z

            content-length;content-type;host;x-amz-content-sha256;x-amz-date
            9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
            """,
            """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            a89f1a5b53e37702ee6363ce1da3ce8f54386f3c8f352ae652153c2982a0bc4d
            """,
            "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"
        },
    };
}

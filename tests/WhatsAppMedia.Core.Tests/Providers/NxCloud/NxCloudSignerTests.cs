using System.Text;
using WhatsAppMedia.Core.Providers.NxCloud;

namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>The signature reproduces NxCloud's own published examples byte for byte.</summary>
public sealed class NxCloudSignerTests
{
    // NxCloud's published signature examples (accessKey, secret, ts, bizType and action as on its convention page).
    private const string VendorAccessKey = "fme2na3kdi3ki";
    private const string VendorSecret = "abciiiko2k3";
    private const string VendorTs = "1655710885431";
    private const string VendorBizType = "1";
    private const string VendorAction = "send";

    [Theory]
    [InlineData("{\"name\":\"牛小信\",\"id\":10001}", "87c3560d3331ae23f1021e2025722354")]
    [InlineData("{\"id\":10001,\"name\":\"牛小信\"}", "7750759da06333f20d0640be09355e34")]
    [InlineData("{\"id\": 10001, \"name\": \"牛小信\"}", "d0c24a9886c629330d7f3f2056c65bc2")]
    public void Reproduces_the_vendor_vectors(string body, string expectedSign)
    {
        NxCloudSigner.Sign(VendorAccessKey, VendorAction, VendorBizType, VendorTs, body, VendorSecret).ShouldBe(expectedSign);
        NxCloudSigner.Sign(VendorAccessKey, VendorAction, VendorBizType, VendorTs, Encoding.UTF8.GetBytes(body), VendorSecret).ShouldBe(expectedSign);
    }

    [Fact]
    public void Every_input_changes_the_sign()
    {
        var body = "{\"id\":10001}";
        var baseline = NxCloudSigner.Sign(VendorAccessKey, VendorAction, VendorBizType, VendorTs, body, VendorSecret);

        string[] variants =
        [
            NxCloudSigner.Sign(VendorAccessKey + "x", VendorAction, VendorBizType, VendorTs, body, VendorSecret),
            NxCloudSigner.Sign(VendorAccessKey, "deleteMedia", VendorBizType, VendorTs, body, VendorSecret),
            NxCloudSigner.Sign(VendorAccessKey, VendorAction, "2", VendorTs, body, VendorSecret),
            NxCloudSigner.Sign(VendorAccessKey, VendorAction, VendorBizType, "1655710885432", body, VendorSecret),
            NxCloudSigner.Sign(VendorAccessKey, VendorAction, VendorBizType, VendorTs, "{\"id\": 10001}", VendorSecret),
            NxCloudSigner.Sign(VendorAccessKey, VendorAction, VendorBizType, VendorTs, body, VendorSecret + "x"),
        ];

        variants.ShouldAllBe(sign => sign != baseline);
        variants.Distinct().Count().ShouldBe(variants.Length);
    }

    [Fact]
    public void Sign_is_32_lowercase_hex_digits()
    {
        var sign = NxCloudSigner.Sign("ak", "deleteMedia", "2", "1", "{}", "secret");

        sign.Length.ShouldBe(32);
        sign.ShouldAllBe(c => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f'));
    }
}

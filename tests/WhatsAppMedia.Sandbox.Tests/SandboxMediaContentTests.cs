using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Tests.Support;
using WhatsAppMedia.Sandbox;
using WhatsAppMedia.Sandbox.Media;

namespace WhatsAppMedia.Sandbox.Tests;

/// <summary>The bytes sandbox media carry: a real PNG for demo media, generated files of any size through the control API.</summary>
public sealed class SandboxMediaContentTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Sandbox.BaseUri };

    public void Dispose() => _http.Dispose();

    [Fact]
    public void The_demo_image_is_a_well_formed_png_whose_chunks_check_and_whose_pixels_inflate()
    {
        using var png = SandboxMediaContent.DemoImage.OpenRead();
        var bytes = new byte[SandboxMediaContent.DemoImage.Length];
        png.ReadExactly(bytes);

        bytes[..8].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        var chunks = new List<(string Type, byte[] Data)>();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            var typeAndData = bytes.AsSpan(offset + 4, 4 + length);
            BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 8 + length)).ShouldBe(System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            offset += 12 + length;
        }

        chunks.Select(chunk => chunk.Type).ShouldBe(["IHDR", "IDAT", "IEND"]);
        var header = chunks[0].Data;
        (BinaryPrimitives.ReadUInt32BigEndian(header), BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)), header[8], header[9]).ShouldBe((64u, 64u, (byte)8, (byte)2));
        using var pixels = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        pixels.CopyTo(inflated);
        inflated.Length.ShouldBe(64 * (1 + (64 * 3)), "one filter byte and 64 RGB pixels per row");
        SandboxMediaContent.DemoImage.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Generated_content_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        var first = SandboxMediaContent.Generated(100_003, "application/pdf", seed: 9);
        var again = SandboxMediaContent.Generated(100_003, "application/pdf", seed: 9);
        var other = SandboxMediaContent.Generated(100_003, "application/pdf", seed: 10);

        first.Sha256.ShouldBe(again.Sha256);
        first.Sha256.ShouldNotBe(other.Sha256);
        Convert.ToHexStringLower(SHA256.HashData(ReadAll(first))).ShouldBe(first.Sha256);
        ReadAll(first).Length.ShouldBe(100_003);
    }

    [Fact]
    public void Generated_content_reads_the_same_bytes_whatever_the_read_sizes()
    {
        var content = SandboxMediaContent.Generated(1000, "application/pdf", seed: 3);
        using var stream = content.OpenRead();
        var pieces = new MemoryStream();
        var buffer = new byte[7];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            pieces.Write(buffer, 0, read);
        }

        pieces.ToArray().ShouldBe(ReadAll(content));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData((1L << 30) + 1)]
    public void Generated_content_refuses_a_size_out_of_range(long length) =>
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxMediaContent.Generated(length, "application/pdf"));

    [Fact]
    public async Task The_control_api_creates_media_of_a_given_size_and_type_and_says_what_it_declares()
    {
        using var response = await _http.PostAsync("/_sandbox/meta/media?bytes=2000000&mimeType=application/pdf&seed=5", null);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var mediaId = created.GetProperty("mediaId").GetString()!;

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.GetProperty("mimeType").GetString().ShouldBe("application/pdf");
        created.GetProperty("fileSize").GetInt64().ShouldBe(2_000_000);
        created.GetProperty("sha256").GetString().ShouldBe(SandboxMediaContent.Generated(2_000_000, "application/pdf", seed: 5).Sha256);
        fixture.Sandbox.Meta.TryGetContent(mediaId, out var content).ShouldBeTrue();
        content.Length.ShouldBe(2_000_000);
    }

    [Fact]
    public async Task The_control_api_gives_new_media_the_demo_png_by_default_and_octet_stream_for_bytes_without_a_type()
    {
        using var demo = await _http.PostAsync("/_sandbox/aws/media", null);
        using var untyped = await _http.PostAsync("/_sandbox/meta/media?bytes=0", null);

        (await demo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mimeType").GetString().ShouldBe("image/png");
        var created = await untyped.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("mimeType").GetString().ShouldBe("application/octet-stream");
        created.GetProperty("fileSize").GetInt64().ShouldBe(0);
    }

    [Theory]
    [InlineData("bytes=-1", "bytes")]
    [InlineData("bytes=1073741825", "bytes")]
    [InlineData("bytes=12abc", "bytes")]
    [InlineData("bytes=", "bytes")]
    [InlineData("bytes=10&mimeType=pdf", "mimeType")]
    [InlineData("bytes=10&mimeType=application/pdf%0d%0aX-Evil:%201", "mimeType")]
    [InlineData("bytes=10&mimeType=", "mimeType")]
    [InlineData("bytes=10&seed=-3", "seed")]
    [InlineData("mimeType=application/pdf", "give bytes")]
    [InlineData("seed=4", "give bytes")]
    public async Task The_control_api_refuses_media_it_cannot_make_and_adds_none(string query, string detailPart)
    {
        var before = fixture.Sandbox.Meta.Media.Count;

        using var response = await _http.PostAsync($"/_sandbox/meta/media?{query}", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(detailPart);
        fixture.Sandbox.Meta.Media.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Seeded_demo_media_carry_the_png()
    {
        await using var sandbox = await ProviderSandbox.StartAsync(new ProviderSandboxOptions { SeedDemoMedia = true });

        foreach (var kind in ProviderSandbox.Providers)
        {
            foreach (var mediaId in sandbox.State(kind).Media)
            {
                sandbox.State(kind).TryGetContent(mediaId, out var content).ShouldBeTrue();
                content.ShouldBeSameAs(SandboxMediaContent.DemoImage);
            }
        }
    }

    private static byte[] ReadAll(SandboxMediaContent content)
    {
        using var stream = content.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

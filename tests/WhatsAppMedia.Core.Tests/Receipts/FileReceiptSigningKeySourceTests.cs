using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>The local host's key file (docs/receipts.md, "The signing key"): created once, kept, readable by its owner only.</summary>
public sealed class FileReceiptSigningKeySourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("signing-key-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_first_start_creates_the_key_file_and_later_starts_read_the_same_key()
    {
        var path = Path.Combine(_directory, "nested", "receipt-signing-key.pem");

        var created = await new FileReceiptSigningKeySource(path).GetAsync(CancellationToken.None);
        var again = await new FileReceiptSigningKeySource(path).GetAsync(CancellationToken.None);

        File.ReadAllText(path).ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        again!.KeyId.ShouldBe(created!.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Hosts_starting_at_once_end_with_one_key()
    {
        var path = Path.Combine(_directory, "receipt-signing-key.pem");

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new FileReceiptSigningKeySource(path).GetAsync(CancellationToken.None))));

        keys.Select(key => key!.KeyId).Distinct().Count().ShouldBe(1);
        Directory.GetFiles(_directory).ShouldBe([path], "no temporary file is left behind");
    }

    [Fact]
    public async Task A_file_that_is_not_a_key_is_refused_naming_the_file_and_a_fixed_file_is_taken_next_time()
    {
        var path = Path.Combine(_directory, "receipt-signing-key.pem");
        await File.WriteAllTextAsync(path, "garbage");
        var source = new FileReceiptSigningKeySource(path);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => source.GetAsync(CancellationToken.None));

        refused.Message.ShouldContain(path);
        File.ReadAllText(path).ShouldBe("garbage", "a broken key file is not overwritten");
        File.Delete(path);
        (await source.GetAsync(CancellationToken.None)).ShouldNotBeNull();
    }
}

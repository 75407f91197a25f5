using Microsoft.Extensions.Time.Testing;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Testing.KeyVault;

namespace WhatsAppMedia.Core.Tests.Receipts;

/// <summary>
/// The signing key as a Key Vault secret (docs/receipts.md, "The signing key"), read with the real SecretClient from the
/// Key Vault stand-in: used, cached for an hour, a rotated key taken after that, an absent secret is "no key".
/// </summary>
public sealed class VaultReceiptSigningKeySourceTests : IAsyncLifetime
{
    private KeyVaultStandIn _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultStandIn.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task The_secret_is_the_key_read_once_an_hour_and_a_rotated_one_is_taken_after_that()
    {
        using var first = ReceiptSigningKey.Create();
        using var second = ReceiptSigningKey.Create();
        _vault.SetSecret("receipt-signing-key", first.ToPem());
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var source = new VaultReceiptSigningKeySource(_vault.CreateSecretClient(), "receipt-signing-key", clock);

        (await source.GetAsync(CancellationToken.None))!.KeyId.ShouldBe(first.KeyId);
        _vault.SetSecret("receipt-signing-key", second.ToPem());
        (await source.GetAsync(CancellationToken.None))!.KeyId.ShouldBe(first.KeyId, "cached");
        _vault.ReadCount("receipt-signing-key").ShouldBe(1);
        clock.Advance(VaultReceiptSigningKeySource.CacheTtl);
        (await source.GetAsync(CancellationToken.None))!.KeyId.ShouldBe(second.KeyId);
    }

    [Fact]
    public async Task An_absent_secret_is_no_key_and_one_that_is_not_a_key_is_refused_naming_it()
    {
        var source = new VaultReceiptSigningKeySource(_vault.CreateSecretClient(), "receipt-signing-key", TimeProvider.System);

        (await source.GetAsync(CancellationToken.None)).ShouldBeNull();
        _vault.SetSecret("receipt-signing-key", "{\"provider\":\"meta\"}");
        (await Should.ThrowAsync<InvalidOperationException>(() => source.GetAsync(CancellationToken.None))).Message.ShouldContain("'receipt-signing-key'");
    }
}

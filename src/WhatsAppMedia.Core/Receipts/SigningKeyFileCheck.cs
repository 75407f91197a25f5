using Microsoft.Extensions.Hosting;

namespace WhatsAppMedia.Core.Receipts;

/// <summary>
/// Creates (or reads) the signing key file when the host starts (docs/receipts.md, "The signing key"), so the key exists
/// from the first start and a file that is not a key stops start-up naming it. A vault's secret is not read here: the
/// vault may be briefly unreachable, which must not stop a host; the first digest or key request reads it.
/// </summary>
internal sealed class SigningKeyFileCheck(IReceiptSigningKeySource keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        keys is FileReceiptSigningKeySource ? keys.GetAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WhatsAppMedia.Core.Receipts;

namespace WhatsAppMedia.Core.Http;

/// <summary>
/// <c>GET /api/receipts/signing-key</c>, anonymous (docs/receipts.md, "Signed digests"): the public key that checks the
/// signed digests of every tenant's receipts. 404 <c>not_found</c> when the deployment signs none; 503
/// <c>credentials_unavailable</c> when the key cannot be read now.
/// </summary>
public sealed partial class SigningKeyApi
{
    private readonly IReceiptSigningKeySource _keys;
    private readonly ILogger<SigningKeyApi> _logger;

    internal SigningKeyApi(IReceiptSigningKeySource keys, ILogger<SigningKeyApi> logger)
    {
        _keys = keys;
        _logger = logger;
    }

    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = RequestIds.Settle(request.HttpContext);
        ReceiptSigningKey? key;
        try
        {
            key = await _keys.GetAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(exception, _keys.Description);
            return ProblemResults.Create(ErrorCodes.CredentialsUnavailable, "The receipt signing key cannot be read right now; try again later.", requestId);
        }

        if (key is null)
        {
            return ProblemResults.Create(ErrorCodes.NotFound, "This deployment has no receipt signing key: its receipts are chained but no digest is signed.", requestId);
        }

        var publicKey = key.PublicKey;
        return Results.Json(new SigningKeyResponse(
            ReceiptDigest.Es256,
            publicKey.KeyId,
            publicKey.Pem,
            new SigningKeyJwk("EC", "P-256", publicKey.X, publicKey.Y, publicKey.KeyId, ReceiptDigest.Es256, "sig")));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The receipt signing key ({Source}) cannot be read.")]
    private partial void LogUnavailable(Exception exception, string source);
}

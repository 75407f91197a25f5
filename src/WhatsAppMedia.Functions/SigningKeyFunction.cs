using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WhatsAppMedia.Core.Http;

namespace WhatsAppMedia.Functions;

/// <summary>GET /api/receipts/signing-key: the public key of signed receipt digests, for anyone who checks an export.</summary>
public sealed class SigningKeyFunction(SigningKeyApi signingKey)
{
    [Function("GetReceiptSigningKey")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, ApiRoutes.Get, Route = ApiRoutes.SigningKey)] HttpRequest request,
        CancellationToken cancellationToken) =>
        signingKey.GetAsync(request, cancellationToken);
}

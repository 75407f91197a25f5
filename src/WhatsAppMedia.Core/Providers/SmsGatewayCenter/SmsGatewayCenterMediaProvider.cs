using System.Text;

namespace WhatsAppMedia.Core.Providers.SmsGatewayCenter;

/// <summary>
/// Deletes media through SMSGatewayCenter's WAApi:
/// <c>DELETE {BaseUrl}/WAApi/media?userid={userId}&amp;output=json&amp;mediaId={mediaId}</c>. With an API key it
/// travels in the <c>apiKey</c> header (and <c>userid</c> is sent when known); without one, <c>userid</c> and the
/// percent-encoded <c>password</c> go in the query, as the provider requires. The phone identity is not used.
/// Answers are read by <see cref="SmsGatewayCenterAnswerClassifier"/>. <c>{BaseUrl}</c> is the client's
/// <see cref="HttpClient.BaseAddress"/>, set once from the validated <see cref="SmsGatewayCenterOptions.BaseUrl"/> when
/// the typed client is registered.
/// </summary>
internal sealed class SmsGatewayCenterMediaProvider(HttpClient httpClient, TimeProvider timeProvider) : IMediaProvider
{
    public string Provider => SmsGatewayCenterProviderDefinition.ProviderName;

    public IdentifierError? Validate(MediaTarget target) => SmsGatewayCenterIdentifiers.Check(target);

    public async Task<ProviderAnswer> SendDeleteAsync(MediaTarget target, ProviderCredentials credentials, CancellationToken cancellationToken = default)
    {
        var account = ProviderArguments.Check<SmsGatewayCenterCredentials>(this, target, credentials);
        using var request = new HttpRequestMessage(HttpMethod.Delete, BuildUri(account, target));
        if (account.UsesApiKey)
        {
            request.Headers.Add("apiKey", account.ApiKey);
        }

        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ProviderResponseBody.ReadAsync(response.Content, cancellationToken);
        var answer = SmsGatewayCenterAnswerClassifier.Classify((int)response.StatusCode, body, RetryAfter.From(response, timeProvider));
        var password = account.Password;
        var message = SecretText.Redact(answer.ProviderMessage, account.ApiKey, password, password is null ? null : Uri.EscapeDataString(password));
        return answer with { ProviderMessage = message };
    }

    private static Uri BuildUri(SmsGatewayCenterCredentials account, MediaTarget target)
    {
        // Relative to the client's BaseAddress. Every value is escaped (RFC 3986): the password is free text and may
        // hold '&', '=', '+', '%' or spaces.
        var uri = new StringBuilder("WAApi/media?");
        if (!string.IsNullOrWhiteSpace(account.UserId))
        {
            uri.Append("userid=").Append(Uri.EscapeDataString(account.UserId)).Append('&');
        }

        if (!account.UsesApiKey)
        {
            uri.Append("password=").Append(Uri.EscapeDataString(account.Password!)).Append('&');
        }

        uri.Append("output=json&mediaId=").Append(Uri.EscapeDataString(target.MediaId));
        return new Uri(uri.ToString(), UriKind.Relative);
    }
}

using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using WhatsAppMedia.DevHost.Azurite;

namespace WhatsAppMedia.Core.Tests.Support;

/// <summary>
/// Azurite over https with <c>--oauth basic</c>, for bearer-token tests: bearer tokens are only sent over TLS, so
/// this fixture makes a throwaway self-signed certificate for 127.0.0.1 and a transport that trusts exactly it.
/// </summary>
public sealed class AzuriteOAuthFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private string? _certificateDirectory;
    private string? _thumbprint;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A transport that trusts this fixture's certificate and nothing else self-signed.</summary>
    public HttpClientTransport Transport()
    {
        var thumbprint = _thumbprint;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase)),
            },
        };
        return new HttpClientTransport(handler);
    }

    public async Task InitializeAsync()
    {
        _certificateDirectory = Directory.CreateTempSubdirectory("azurite-cert-").FullName;
        var certificatePath = Path.Combine(_certificateDirectory, "cert.pem");
        var keyPath = Path.Combine(_certificateDirectory, "key.pem");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            _thumbprint = certificate.GetCertHashString();
            await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        }

        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { CertificatePath = certificatePath, KeyPath = keyPath, BasicOAuth = true });
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (_certificateDirectory is not null)
        {
            Directory.Delete(_certificateDirectory, recursive: true);
        }
    }
}

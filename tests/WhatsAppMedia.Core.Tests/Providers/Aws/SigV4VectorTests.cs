using System.Text.Json;
using WhatsAppMedia.Core.Providers.Aws;

namespace WhatsAppMedia.Core.Tests.Providers.Aws;

public class SigV4VectorTests
{
    private const string SuiteFolder = "aws-sigv4-v4";

    [Theory]
    [MemberData(nameof(SigV4VectorCases.Applicable), MemberType = typeof(SigV4VectorCases))]
    public void Signs_every_applicable_aws_c_auth_case(string name, string request, string? sessionToken, string canonicalRequest, string stringToSign, string signature)
    {
        var signed = SigV4VectorRequest.Sign(request, sessionToken);

        signed.CanonicalRequest.Text.ShouldBe(canonicalRequest, name);
        signed.StringToSign.ShouldBe(stringToSign, name);
        signed.Signature.ShouldBe(signature, name);
        signed.Authorization.ShouldBe(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signed.CanonicalRequest.SignedHeaders}, Signature={signature}",
            name);
    }

    /// <summary>GetWhatsAppMessageMedia's JSON body is signed through the same <see cref="SigV4Body.Attach"/> these cases go through.</summary>
    [Theory]
    [MemberData(nameof(SigV4SignedBodyVectorCases.Cases), MemberType = typeof(SigV4SignedBodyVectorCases))]
    public void Signs_every_aws_c_auth_case_that_signs_a_body(string name, string request, string canonicalRequest, string stringToSign, string signature)
    {
        var signed = SigV4VectorRequest.SignWithBody(request);

        signed.CanonicalRequest.Text.ShouldBe(canonicalRequest, name);
        signed.StringToSign.ShouldBe(stringToSign, name);
        signed.Signature.ShouldBe(signature, name);
        signed.Authorization.ShouldBe(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature={signature}",
            name);
    }

    [Fact]
    public void Transcribed_and_excluded_cases_do_not_overlap()
    {
        var transcribed = SigV4VectorCases.Applicable.Select(row => (string)row[0]).ToList();
        var signedBody = SigV4SignedBodyVectorCases.Cases.Select(row => (string)row[0]).ToList();
        transcribed.Count.ShouldBe(27);
        signedBody.Count.ShouldBe(2);
        transcribed.Concat(signedBody).ShouldBeUnique();
        transcribed.Concat(signedBody).Intersect(SigV4VectorCases.NotApplicable.Keys).ShouldBeEmpty();
    }

    /// <summary>
    /// When the suite is beside the repository (shared/vectors), every case in it is either transcribed above or
    /// excluded with a reason, the exclusions match the suite's own context flags, and each applicable case passes
    /// from the files themselves. Without the folder there is nothing to sweep.
    /// </summary>
    [Fact]
    public void Sweeps_the_aws_c_auth_folder_when_present()
    {
        var suite = FindSuite();
        if (suite is null)
        {
            return;
        }

        var transcribed = SigV4VectorCases.Applicable.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var signedBody = SigV4SignedBodyVectorCases.Cases.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var swept = 0;
        foreach (var caseFolder in suite.EnumerateDirectories().OrderBy(folder => folder.Name, StringComparer.Ordinal))
        {
            var name = caseFolder.Name;
            using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(caseFolder.FullName, "context.json")));
            var root = context.RootElement;
            var mode = (Normalize: root.GetProperty("normalize").GetBoolean(),
                SignBody: root.GetProperty("sign_body").GetBoolean(),
                OmitToken: root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean());
            if (!mode.Normalize || mode.OmitToken)
            {
                SigV4VectorCases.NotApplicable.Keys.ShouldContain(name, $"{name} signs in a mode we do not use and must be listed as not applicable.");
            }

            if (SigV4VectorCases.NotApplicable.ContainsKey(name))
            {
                continue;
            }

            (mode.SignBody ? signedBody : transcribed).ShouldContain(name, $"{name} applies but is not transcribed.");
            var credentials = root.GetProperty("credentials");
            credentials.GetProperty("access_key_id").GetString().ShouldBe(SigV4VectorRequest.AccessKeyId, name);
            credentials.GetProperty("secret_access_key").GetString().ShouldBe(SigV4VectorRequest.SecretAccessKey, name);
            root.GetProperty("region").GetString().ShouldBe(SigV4VectorRequest.Region, name);
            root.GetProperty("service").GetString().ShouldBe(SigV4VectorRequest.Service, name);
            root.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(SigV4VectorRequest.Time, name);
            var token = credentials.TryGetProperty("token", out var tokenElement) ? tokenElement.GetString() : null;

            if (mode.SignBody)
            {
                token.ShouldBeNull($"{name}: SignWithBody signs without a session token.");
            }

            var signed = mode.SignBody
                ? SigV4VectorRequest.SignWithBody(Read(caseFolder, "request.txt"))
                : SigV4VectorRequest.Sign(Read(caseFolder, "request.txt"), token);

            signed.CanonicalRequest.Text.ShouldBe(Read(caseFolder, "header-canonical-request.txt"), name);
            signed.StringToSign.ShouldBe(Read(caseFolder, "header-string-to-sign.txt"), name);
            signed.Signature.ShouldBe(Read(caseFolder, "header-signature.txt").Trim(), name);
            swept++;
        }

        swept.ShouldBe(transcribed.Count + signedBody.Count);
    }

    private static string Read(DirectoryInfo folder, string file) => File.ReadAllText(Path.Combine(folder.FullName, file)).ReplaceLineEndings("\n");

    private static DirectoryInfo? FindSuite()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = new DirectoryInfo(Path.Combine(directory.FullName, "shared", "vectors", SuiteFolder));
            if (candidate.Exists)
            {
                return candidate;
            }
        }

        return null;
    }
}

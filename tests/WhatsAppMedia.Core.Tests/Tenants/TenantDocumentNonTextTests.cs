using WhatsAppMedia.Core.Tenants;
using static WhatsAppMedia.Core.Tests.Tenants.TenantTestData;

namespace WhatsAppMedia.Core.Tests.Tenants;

/// <summary>A tenant document holding a string that is not text is an unusable document, named by field, never an exception.</summary>
public class TenantDocumentNonTextTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static TheoryData<string, string> Documents => new()
    {
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}\ud800"}}""", "credentials.accessToken" },
        { $$$"""{"provider":"\udc00","apiKeySha256":"{{{Hash}}}","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "provider" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","phone":"1\ud800","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "phone" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","notes":"\ud800","credentials":{"accessToken":"{{{SecretMarker}}}"}}""", "notes" },
        { $$$"""{"provider":"meta","apiKeySha256":"{{{Hash}}}","credentials":{"\ud800":"x","accessToken":"{{{SecretMarker}}}"}}""", "credentials" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_document_is_unusable_and_the_error_names_the_field_without_its_value(string json, string field)
    {
        var result = TenantDocument.Parse("acme", json);

        result.IsValid.ShouldBeFalse();
        result.Error!.Field.ShouldBe(field, result.Error.Message);
        result.Error.Message.ShouldContain("not text");
        result.Error.Message.ShouldNotContain(SecretMarker);
    }

    [Fact]
    public void A_document_string_holding_a_lone_surrogate_itself_is_unusable_as_a_whole()
    {
        // As Key Vault or configuration could hand it over after decoding their own JSON; built in code, not in data.
        var json = "{\"provider\":\"meta\",\"apiKeySha256\":\"" + Hash + "\",\"credentials\":{\"accessToken\":\"" + SecretMarker + "\ud800\"}}";

        var result = TenantDocument.Parse("acme", json);

        result.IsValid.ShouldBeFalse();
        result.Error!.Field.ShouldBe("$");
        result.Error.Message.ShouldNotContain(SecretMarker);
    }
}

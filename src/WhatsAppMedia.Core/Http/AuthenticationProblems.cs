using Microsoft.AspNetCore.Http;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Http;

/// <summary>The problem answer for a request whose tenant could not be authenticated (docs/api.md, "Conventions").</summary>
internal static class AuthenticationProblems
{
    public static IResult For(TenantAuthentication authentication, string requestId) => authentication.Status switch
    {
        TenantAuthenticationStatus.InvalidTenantId => ProblemResults.Create(
            ErrorCodes.InvalidTenantId, "The tenant id must be 1-63 lowercase letters, digits or inner hyphens.", requestId),
        TenantAuthenticationStatus.Unauthorized => ProblemResults.Create(
            ErrorCodes.Unauthorized, $"Send the tenant's API key in the {MediaApi.ApiKeyHeader} header.", requestId),
        // An operator must fix the document; retrying cannot help, so no 503 and no Retry-After (docs/formats.md, "Tenant document").
        TenantAuthenticationStatus.Misconfigured => ProblemResults.Create(ErrorCodes.TenantMisconfigured, authentication.Error!.Message, requestId),
        // The service's own access to the vault: an operator must grant it, so no 503 and no Retry-After either.
        TenantAuthenticationStatus.StoreRefused => ProblemResults.Create(
            ErrorCodes.TenantMisconfigured, authentication.Detail ?? "The service may not read the tenant's document.", requestId),
        TenantAuthenticationStatus.Authenticated => throw new ArgumentException("The tenant was authenticated; there is no refusal.", nameof(authentication)),
        _ => ProblemResults.Create(ErrorCodes.CredentialsUnavailable, authentication.Detail ?? "The tenant's credentials cannot be read right now.", requestId),
    };
}

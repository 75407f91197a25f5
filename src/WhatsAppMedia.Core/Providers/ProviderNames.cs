using System.Diagnostics.CodeAnalysis;

namespace WhatsAppMedia.Core.Providers;

/// <summary>The provider names used in tenant documents, responses and logs (docs/formats.md, "Tenant document").</summary>
public static class ProviderNames
{
    public const string Meta = "meta";
    public const string Aws = "aws";
    public const string NxCloud = "nxcloud";
    public const string SmsGatewayCenter = "smsgatewaycenter";

    public static IReadOnlyList<string> All { get; } = [Meta, Aws, NxCloud, SmsGatewayCenter];

    public static string ToName(this ProviderKind kind) => kind switch
    {
        ProviderKind.Meta => Meta,
        ProviderKind.Aws => Aws,
        ProviderKind.NxCloud => NxCloud,
        ProviderKind.SmsGatewayCenter => SmsGatewayCenter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown provider."),
    };

    /// <summary>Parses a wire name exactly (lowercase, no aliases), so a typo never selects a provider.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out ProviderKind? kind)
    {
        kind = name switch
        {
            Meta => ProviderKind.Meta,
            Aws => ProviderKind.Aws,
            NxCloud => ProviderKind.NxCloud,
            SmsGatewayCenter => ProviderKind.SmsGatewayCenter,
            _ => null,
        };
        return kind is not null;
    }
}

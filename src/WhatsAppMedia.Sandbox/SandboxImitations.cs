namespace WhatsAppMedia.Sandbox;

/// <summary>The four provider imitations, each bound to its own state.</summary>
internal static class SandboxImitations
{
    public static IReadOnlyList<IProviderImitation> Create(Func<Core.Providers.ProviderKind, SandboxProviderState> stateFor, TimeProvider timeProvider) =>
    [
        new Meta.MetaImitation(stateFor(Core.Providers.ProviderKind.Meta), timeProvider),
        new SmsGatewayCenter.SmsGatewayCenterImitation(stateFor(Core.Providers.ProviderKind.SmsGatewayCenter)),
        new NxCloud.NxCloudImitation(stateFor(Core.Providers.ProviderKind.NxCloud), timeProvider),
        new Aws.AwsImitation(stateFor(Core.Providers.ProviderKind.Aws), timeProvider),
    ];
}

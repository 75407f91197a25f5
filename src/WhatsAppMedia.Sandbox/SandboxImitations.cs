namespace WhatsAppMedia.Sandbox;

/// <summary>The four provider imitations, each bound to its own state.</summary>
internal static class SandboxImitations
{
    public static IReadOnlyList<IProviderImitation> Create(Func<ProviderKind, SandboxProviderState> stateFor, TimeProvider timeProvider) =>
    [
        new Meta.MetaImitation(stateFor(ProviderKind.Meta), timeProvider),
        new SmsGatewayCenter.SmsGatewayCenterImitation(stateFor(ProviderKind.SmsGatewayCenter)),
        new NxCloud.NxCloudImitation(stateFor(ProviderKind.NxCloud), timeProvider),
        new Aws.AwsImitation(stateFor(ProviderKind.Aws), timeProvider),
    ];
}

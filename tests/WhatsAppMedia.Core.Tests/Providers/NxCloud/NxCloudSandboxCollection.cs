namespace WhatsAppMedia.Core.Tests.Providers.NxCloud;

/// <summary>
/// One NxCloud sandbox for every NxCloud test class. The classes run one after another, so a test may compare the
/// sandbox's request count before and after to prove nothing was sent.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NxCloudSandboxCollection : ICollectionFixture<NxCloudSandboxFixture>
{
    public const string Name = "NxCloud sandbox";
}

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>The test classes that share one <see cref="IntegratorTenantsFixture"/>; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class IntegratorTenantsCollection : ICollectionFixture<IntegratorTenantsFixture>
{
    public const string Name = "integrator tenants";
}

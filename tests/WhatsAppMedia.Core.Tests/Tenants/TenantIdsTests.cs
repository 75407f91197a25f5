using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core.Tests.Tenants;

public class TenantIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("acme")]
    [InlineData("acme-eu-2")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890z")]
    public void Contract_ids_are_valid(string id)
    {
        TenantIds.IsValid(id).ShouldBeTrue();
        TenantIds.SecretName(id).ShouldBe("tenant-" + id);
        TenantIds.ConfigurationKey(id).ShouldBe("Tenants:" + id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("Acme")]
    [InlineData("acme\n")]
    [InlineData("acme\r\n")]
    [InlineData("../acme")]
    [InlineData("a/b")]
    [InlineData("a%2Fb")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("a:b")]
    [InlineData("äcme")]
    [InlineData("a01234567890123456789012345678901234567890123456789012345678901z")]
    public void Anything_else_is_refused_before_a_name_is_built_from_it(string? id)
    {
        TenantIds.IsValid(id).ShouldBeFalse();
        if (id is not null)
        {
            var exception = Should.Throw<ArgumentException>(() => TenantIds.SecretName(id));
            Should.Throw<ArgumentException>(() => TenantIds.ConfigurationKey(id));
            if (id.Length > 0)
            {
                exception.Message.ShouldNotContain(id);
            }
        }
    }
}

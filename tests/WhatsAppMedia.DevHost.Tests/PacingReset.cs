using Azure;
using Azure.Data.Tables;
using WhatsAppMedia.Core.Pacing;

namespace WhatsAppMedia.DevHost.Tests;

/// <summary>Lifts a tenant's pacing state (its schedule row and the host's memory of a pause), for tests that share one host.</summary>
internal static class PacingReset
{
    public static async Task ResumeAsync(LocalHostFixture host, string tenantId)
    {
        try
        {
            await host.Service<TableServiceClient>().GetTableClient(TablePacingStore.TableName).DeleteEntityAsync(tenantId, "cursor");
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // An unpaced tenant has no row (and the table may not exist yet).
        }

        host.Service<TenantPacer>().ForgetPause(tenantId);
    }
}

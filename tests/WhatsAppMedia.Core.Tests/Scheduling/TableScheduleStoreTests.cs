using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tests.Support;

namespace WhatsAppMedia.Core.Tests.Scheduling;

/// <summary>The schedule table keeps what the item's receipt needs (docs/receipts.md): who asked and why.</summary>
public sealed class TableScheduleStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_scheduled_row_gives_back_the_messages_reason_and_caller()
    {
        var store = new TableScheduleStore(fixture.Tables(), $"sched{Guid.NewGuid():N}"[..20]);
        var due = new DateTimeOffset(2031, 1, 2, 3, 4, 0, TimeSpan.Zero);
        var message = new DeletionMessage("acme", "1013859600285441", null, BatchIds.New(), "req-9", ItemIndex: 3, DeleteAt: due, Reason: "retention", RequestedBy: "apiKey:0123456789ab");
        await store.AddAsync([message], CancellationToken.None);

        var read = new List<ScheduledDeletion>();
        await foreach (var row in store.ListDueAsync(due, CancellationToken.None))
        {
            read.Add(row);
        }

        read.ShouldHaveSingleItem().Message.ShouldBe(message);
    }
}

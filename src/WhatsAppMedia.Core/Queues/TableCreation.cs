using Azure;
using Azure.Data.Tables;

namespace WhatsAppMedia.Core.Queues;

/// <summary>
/// Creates a store's table on first use, once per process (Create Table answers 409 when it exists, which
/// <see cref="TableClient.CreateIfNotExistsAsync"/> takes as done). A failed creation is not remembered, so the next call
/// tries again; <see cref="Forget"/> drops a creation that succeeded, for a table deleted since.
/// </summary>
internal sealed class TableCreation(TableClient table)
{
    private Lazy<Task> _created = new(() => table.CreateIfNotExistsAsync());

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var creation = _created;
        try
        {
            await creation.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _created, new Lazy<Task>(() => table.CreateIfNotExistsAsync()), creation);
            throw;
        }
    }

    /// <summary>The table is gone (an emptied emulator, an operator): the next <see cref="EnsureAsync"/> creates it again.</summary>
    public void Forget()
    {
        var creation = _created;
        Interlocked.CompareExchange(ref _created, new Lazy<Task>(() => table.CreateIfNotExistsAsync()), creation);
    }

    /// <summary>Runs an operation on the table; when the table turns out to be gone, creates it again and runs it once more.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == "TableNotFound")
        {
            Forget();
            await EnsureAsync(cancellationToken);
            return await operation();
        }
    }
}

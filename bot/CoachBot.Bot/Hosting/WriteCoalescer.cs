using System.Threading.Channels;

namespace CoachBot.Bot.Hosting;

/// <summary>
/// Turns many concurrent one-row writes into one statement per batch, so requests that arrive together share a round
/// trip, a plan and (for a synchronous commit) one WAL flush instead of queueing for one each. There is no timer: the
/// writer takes whatever is waiting when it becomes free, so a lone request goes at once and a burst forms batches by
/// itself while the previous batch is on the wire. A batch that fails on its data (<c>isItemFault</c>) is retried one item at
/// a time, so one bad item fails only its own caller; any other failure (the database is away) fails the whole batch at
/// once rather than trying each item against the same outage.
/// </summary>
public sealed class WriteCoalescer<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Entry> queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> writeBatch;
    private readonly Func<Exception, bool> isItemFault;
    private readonly int maxBatch;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task writer;

    /// <param name="writeBatch">Writes the items in one statement and returns one result per item, in order.</param>
    /// <param name="isItemFault">True for a failure one item's data may have caused (worth retrying the items singly).</param>
    public WriteCoalescer(
        Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> writeBatch, Func<Exception, bool> isItemFault, int maxBatch = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        this.writeBatch = writeBatch;
        this.isItemFault = isItemFault;
        this.maxBatch = maxBatch;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Queues <paramref name="item"/> and waits for its batch. A caller that gives up still has its item written (it may
    /// already be on the wire), exactly as a single statement whose client went away may still commit.
    /// </summary>
    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var entry = new Entry(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(entry))
        {
            throw new ObjectDisposedException(nameof(WriteCoalescer<TItem, TResult>));
        }

        return entry.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        // Ends when the queue is completed and drained: everything accepted before shutdown is still written.
        var batch = new List<Entry>(maxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Entry> batch)
    {
        try
        {
            var results = await writeBatch(batch.ConvertAll(e => e.Item), stopping.Token);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1 && isItemFault(ex))
        {
            foreach (var entry in batch)
            {
                await WriteAsync([entry]);
            }
        }
        catch (Exception ex)
        {
            foreach (var entry in batch)
            {
                entry.Done.TrySetException(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The queue drains first; a write still running after the grace period is cancelled like any other at shutdown.
        queue.Writer.TryComplete();
        if (await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(5))) != writer)
        {
            await stopping.CancelAsync();
            await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stopping.Dispose();
    }

    private sealed record Entry(TItem Item, TaskCompletionSource<TResult> Done);
}

using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Nudges;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>
/// Bulk ledger statements never wait on a row another job holds: overlapping batches once deadlocked in DeferAsync
/// (seen in the benchmark), and waiting could also stall the orphan sweep behind a slow send.
/// </summary>
public sealed class LedgerLockingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan NoWaiting = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DeferringABatchSkipsARowAnotherJobHasLocked()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 2);
        var later = harness.Clock.GetUtcNow().AddMinutes(10);

        await using (var held = await LockAsync(rows[0].Id))
        {
            await new DeliveryLedger(harness.DataSource).DeferAsync([rows[0].Id, rows[1].Id], later, CancellationToken.None).WaitAsync(NoWaiting);
        }

        Assert.Equal(rows[0].NextAttemptAt, (await harness.RowAsync(rows[0].Id)).NextAttemptAt);
        Assert.Equal(later, (await harness.RowAsync(rows[1].Id)).NextAttemptAt);
    }

    [Fact]
    public async Task TheOrphanSweepSkipsARowAnotherJobHasLocked()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 2);
        await harness.ExecuteAsync(
            "update nudge_delivery set status = 'sending', claimed_by = 'killed', claimed_until = $1 where id = any($2)",
            harness.Clock.GetUtcNow().AddMinutes(-1), rows.Select(r => r.Id).ToArray());

        List<NewDelivery> found;
        await using (var held = await LockAsync(rows[0].Id))
        {
            found = await new Orphans(harness.DataSource).ReclaimAsync(harness.Clock.GetUtcNow(), TimeSpan.FromMinutes(10), 100, CancellationToken.None).WaitAsync(NoWaiting);
        }

        Assert.Contains(found, f => f.Id == rows[1].Id);
        Assert.DoesNotContain(found, f => f.Id == rows[0].Id);
        Assert.Equal("sending", (await harness.RowAsync(rows[0].Id)).Status);
    }

    // Another job's claim in progress: a transaction holding the row lock until disposed.
    private async Task<HeldLock> LockAsync(Guid id)
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new Npgsql.NpgsqlCommand("select 1 from nudge_delivery where id = $1 for update", connection, transaction);
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync();
        return new HeldLock(connection, transaction);
    }

    private sealed class HeldLock(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

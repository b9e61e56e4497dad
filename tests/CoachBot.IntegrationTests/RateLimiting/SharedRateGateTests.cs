using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.RateLimiting;

public sealed class SharedRateGateTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    // Slots are compared with each other, not with the wall clock, so a loaded machine cannot make these flaky:
    // at one call per 10 s every caller is far faster than the spacing.
    [Fact]
    public async Task ConsecutiveReservationsAreSpacedExactlyByTheRate()
    {
        var gate = new SharedRateGate(database.DataSource);
        var key = $"test:{Guid.NewGuid():N}";

        var slots = new List<DateTime>();
        for (var i = 0; i < 5; i++)
        {
            slots.Add((await gate.ReserveSlotAsync(key, perSecond: 0.1, CancellationToken.None)).At);
        }

        Assert.All(slots.Zip(slots.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(10), p.Second - p.First));
    }

    [Fact]
    public async Task TwoGatesOnOneDatabaseNeverHandOutTheSameSlot()
    {
        var instanceA = new SharedRateGate(database.DataSource);
        await using var otherPool = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var instanceB = new SharedRateGate(otherPool);
        var key = $"test:{Guid.NewGuid():N}";

        var slots = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? instanceA : instanceB).ReserveSlotAsync(key, perSecond: 0.1, CancellationToken.None)));

        var sorted = slots.Select(s => s.At).Order().ToList();
        Assert.All(sorted.Zip(sorted.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(10), p.Second - p.First));
        Assert.InRange(slots.Max(s => s.Wait).TotalSeconds, 150, 190.01);
    }

    [Fact]
    public async Task RetryAfterBlocksTheKeyForEveryone()
    {
        var gate = new SharedRateGate(database.DataSource);
        var key = $"test:{Guid.NewGuid():N}";

        await gate.BlockAsync(key, TimeSpan.FromSeconds(30), CancellationToken.None);
        var delay = await gate.ReserveAsync(key, perSecond: 50, CancellationToken.None);

        Assert.InRange(delay.TotalSeconds, 29, 30.1);
    }

    [Fact]
    public async Task APrepaidSlotPaysForTheWorkspaceAndTheRepsConversationOnce()
    {
        var gate = new SharedRateGate(database.DataSource);
        var (workspace, rep) = Limits();
        var before = await gate.ReserveSlotAsync(workspace.Key, workspace.PerSecond, CancellationToken.None);
        var slot = new RateSlot(workspace.Key, 10);

        await gate.PaceAsync(workspace, rep, slot, CancellationToken.None);

        var after = await gate.ReserveSlotAsync(workspace.Key, workspace.PerSecond, CancellationToken.None);
        // 10 s spacing: far longer than this test takes, so only a second reservation could have moved the slot.
        Assert.Equal(TimeSpan.FromSeconds(10), after.At - before.At);
        Assert.False(await HasRowAsync(rep.Key));
        Assert.NotNull(slot.SinceUsed);
    }

    [Fact]
    public async Task ARequestWithoutASlotReservesTheWorkspaceAndTheConversation()
    {
        var gate = new SharedRateGate(database.DataSource);
        var (workspace, rep) = Limits();
        var before = await gate.ReserveSlotAsync(workspace.Key, workspace.PerSecond, CancellationToken.None);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var paced = gate.PaceAsync(workspace, rep, prepaid: null, cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await Task.Delay(500);
            await cancel.CancelAsync();
            await paced;
        });

        var after = await gate.ReserveSlotAsync(workspace.Key, workspace.PerSecond, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(20), after.At - before.At);
        Assert.True(await HasRowAsync(rep.Key));
    }

    [Fact]
    public async Task ARetryOfAPrepaidSendReservesAsUsualAndKeepsOneConversationSpacingAfterThePrepaidMessage()
    {
        var gate = new SharedRateGate(database.DataSource);
        var workspace = new RateLimit($"test:{Guid.NewGuid():N}", 1000);
        var rep = new RateLimit($"{workspace.Key}:rep", 2);
        var slot = new RateSlot(workspace.Key, 1000);
        await gate.PaceAsync(workspace, rep, slot, CancellationToken.None);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await gate.PaceAsync(workspace, rep, slot, CancellationToken.None);

        Assert.True(await HasRowAsync(rep.Key), "the retry reserved the conversation");
        Assert.True(await HasRowAsync(workspace.Key), "the retry reserved the workspace");
        // A lower bound only: a slow machine can make it later, never earlier.
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(450), $"the retry went {started.Elapsed} after the prepaid message, under 1/rate");
    }

    [Fact]
    public async Task ASlotReservedForAnotherKeyPaysForNothing()
    {
        var gate = new SharedRateGate(database.DataSource);
        var workspace = new RateLimit($"test:{Guid.NewGuid():N}", 1000);
        var slot = new RateSlot($"test:{Guid.NewGuid():N}", 1000);

        await gate.PaceAsync(workspace, conversation: null, slot, CancellationToken.None);

        Assert.True(await HasRowAsync(workspace.Key));
        Assert.Null(slot.SinceUsed);
    }

    private static (RateLimit Workspace, RateLimit Rep) Limits()
    {
        var workspace = new RateLimit($"test:{Guid.NewGuid():N}", 0.1);
        return (workspace, new RateLimit($"{workspace.Key}:rep", 0.1));
    }

    private async Task<bool> HasRowAsync(string key)
    {
        await using var command = database.DataSource.CreateCommand("select exists (select 1 from rate_gate where key = $1)");
        command.Parameters.AddWithValue(key);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}

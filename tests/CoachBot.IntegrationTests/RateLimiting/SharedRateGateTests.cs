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
    public async Task APrepaidKeyIsNotReservedAgainButOtherKeysStillAre()
    {
        var gate = new SharedRateGate(database.DataSource);
        var workspace = $"test:{Guid.NewGuid():N}";
        var channel = $"{workspace}:channel";
        var before = await gate.ReserveSlotAsync(workspace, perSecond: 0.1, CancellationToken.None);

        using (PrepaidRate.For(workspace, 10))
        {
            await gate.WaitAsync(workspace, perSecond: 0.1, CancellationToken.None);
            await gate.WaitAsync(channel, perSecond: 0.1, CancellationToken.None);
        }

        var after = await gate.ReserveSlotAsync(workspace, perSecond: 0.1, CancellationToken.None);
        var channelNext = await gate.ReserveSlotAsync(channel, perSecond: 0.1, CancellationToken.None);
        // 10 s spacing: far longer than this test takes, so only a second reservation could move the slot.
        Assert.Equal(TimeSpan.FromSeconds(10), after.At - before.At);
        Assert.True(channelNext.Wait > TimeSpan.FromSeconds(5), $"channel wait {channelNext.Wait}");
    }

    [Fact]
    public async Task AConversationMessageOutsideAPrepaidScopeReservesItsOwnSlot()
    {
        var gate = new SharedRateGate(database.DataSource);
        var conversation = $"test:{Guid.NewGuid():N}:conversation";

        await gate.WaitForConversationAsync(conversation, perSecond: 0.1, CancellationToken.None);

        Assert.True(await HasRowAsync(conversation));
    }

    [Fact]
    public async Task OnlyThePrepaidScopesFirstConversationMessageSkipsItsReservation()
    {
        var gate = new SharedRateGate(database.DataSource);
        var workspace = $"test:{Guid.NewGuid():N}";
        string rep = $"{workspace}:rep", manager = $"{workspace}:manager";

        using (PrepaidRate.For(workspace, 10))
        {
            await gate.WaitForConversationAsync(rep, perSecond: 0.1, CancellationToken.None);
            await gate.WaitForConversationAsync(manager, perSecond: 0.1, CancellationToken.None);
        }

        Assert.False(await HasRowAsync(rep));
        Assert.True(await HasRowAsync(manager));
    }

    [Fact]
    public async Task ASecondMessageToThePrepaidConversationIsReservedAsUsual()
    {
        var gate = new SharedRateGate(database.DataSource);
        var workspace = $"test:{Guid.NewGuid():N}";
        var rep = $"{workspace}:rep";

        using (PrepaidRate.For(workspace, 10))
        {
            await gate.WaitForConversationAsync(rep, perSecond: 1000, CancellationToken.None);
            await gate.WaitForConversationAsync(rep, perSecond: 1000, CancellationToken.None);
        }

        Assert.True(await HasRowAsync(rep));
    }

    private async Task<bool> HasRowAsync(string key)
    {
        await using var command = database.DataSource.CreateCommand("select exists (select 1 from rate_gate where key = $1)");
        command.Parameters.AddWithValue(key);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}

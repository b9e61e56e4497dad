using CoachBot.Platforms.RateLimiting;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.RateLimiting;

public sealed class SharedRateGateTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ConsecutiveReservationsAreSpacedByTheRate()
    {
        var gate = new SharedRateGate(database.DataSource);
        var key = $"test:{Guid.NewGuid():N}";

        var first = await gate.ReserveAsync(key, perSecond: 10, CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            delays.Add(await gate.ReserveAsync(key, perSecond: 10, CancellationToken.None));
        }

        Assert.Equal(TimeSpan.Zero, first);
        // Each later caller waits about 100 ms more than the one before (minus the time the loop itself took).
        Assert.InRange(delays[^1].TotalMilliseconds, 350, 510);
        Assert.True(delays.Zip(delays.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public async Task TwoGatesOnOneDatabaseShareTheSameSchedule()
    {
        var instanceA = new SharedRateGate(database.DataSource);
        await using var otherPool = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var instanceB = new SharedRateGate(otherPool);
        var key = $"test:{Guid.NewGuid():N}";

        var reservations = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? instanceA : instanceB).ReserveAsync(key, perSecond: 20, CancellationToken.None)));

        // 20 calls at 20/s: the slots cover about one second between them, none shared.
        var sorted = reservations.Select(d => d.TotalMilliseconds).Order().ToList();
        Assert.InRange(sorted[^1], 850, 1000);
        Assert.True(sorted.Zip(sorted.Skip(1)).All(p => p.Second - p.First > 30));
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
}

using CoachBot.Platforms.RateLimiting;
using CoachBot.Testing;

namespace CoachBot.IntegrationTests.RateLimiting;

public sealed class SharedRateGateTryReserveTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ReservingSeveralSlotsPushesTheNextCallerBackByAllOfThem()
    {
        var gate = new SharedRateGate(database.DataSource);
        var key = $"test:{Guid.NewGuid():N}";

        var first = await gate.TryReserveAsync(key, perSecond: 10, TimeSpan.FromSeconds(5), CancellationToken.None, count: 5);
        var second = await gate.TryReserveAsync(key, perSecond: 10, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal((true, TimeSpan.Zero), first);
        Assert.True(second.Reserved);
        Assert.InRange(second.Wait.TotalMilliseconds, 400, 510);
    }

    [Fact]
    public async Task ASlotFurtherAwayThanTheCallerWillWaitIsNotTaken()
    {
        var gate = new SharedRateGate(database.DataSource);
        var key = $"test:{Guid.NewGuid():N}";
        await gate.BlockAsync(key, TimeSpan.FromSeconds(20), CancellationToken.None);

        var refused = await gate.TryReserveAsync(key, perSecond: 10, TimeSpan.FromSeconds(1), CancellationToken.None);
        var again = await gate.TryReserveAsync(key, perSecond: 10, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.False(refused.Reserved);
        Assert.InRange(refused.Wait.TotalSeconds, 19, 20.1);
        // Refusing consumed nothing: the key still frees up at the same moment.
        Assert.InRange(again.Wait.TotalSeconds, refused.Wait.TotalSeconds - 1, refused.Wait.TotalSeconds);
    }
}

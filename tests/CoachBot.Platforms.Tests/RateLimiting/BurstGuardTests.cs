using System.Diagnostics;
using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Tests.RateLimiting;

public sealed class BurstGuardTests
{
    [Fact]
    public async Task CallsUpToTheRatePassAtOnceAndTheNextWaitsForTheOldestToLeaveTheSecond()
    {
        var guard = new BurstGuard();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await guard.WaitAsync("teams:t1", 2.5, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }

        var fourth = guard.WaitAsync("teams:t1", 2.5, CancellationToken.None);
        Assert.False(fourth.IsCompleted, "a fourth call inside the same second must wait (limit is ⌈2.5⌉ = 3)");

        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(990), $"released after {clock.Elapsed}, before the first call's second was over");
    }

    [Fact]
    public async Task KeysAreIndependent()
    {
        var guard = new BurstGuard();
        await guard.WaitAsync("teams:full", 1, CancellationToken.None);

        var other = guard.WaitAsync("teams:other", 1, CancellationToken.None);
        var sameKey = guard.WaitAsync("teams:full", 1, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(sameKey.IsCompleted);
        await sameKey.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AWaitingCallCanBeCancelled()
    {
        var guard = new BurstGuard();
        await guard.WaitAsync("slack:T1:post", 1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = guard.WaitAsync("slack:T1:post", 1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}

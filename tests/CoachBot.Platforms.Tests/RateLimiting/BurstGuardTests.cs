using System.Diagnostics;
using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Tests.RateLimiting;

// Lower bounds only ("not before the first call's second is over"): a slow machine can make a call later, never earlier.
public sealed class BurstGuardTests
{
    private static readonly TimeSpan AlmostASecond = TimeSpan.FromMilliseconds(990);

    [Fact]
    public async Task CallsUpToTheRatePassAndTheNextWaitsForTheOldestToLeaveTheSecond()
    {
        var guard = new BurstGuard();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            // Within the limit of ⌈2.5⌉ = 3 a call never waits: it is done before WaitAsync returns.
            Assert.True(guard.WaitAsync("teams:t1", 2.5, CancellationToken.None).IsCompletedSuccessfully);
        }

        await guard.WaitAsync("teams:t1", 2.5, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(clock.Elapsed >= AlmostASecond, $"the fourth call left after {clock.Elapsed}, inside the first call's second");
    }

    [Fact]
    public async Task KeysAreIndependent()
    {
        var guard = new BurstGuard();
        var clock = Stopwatch.StartNew();
        await guard.WaitAsync("teams:full", 1, CancellationToken.None);

        var other = guard.WaitAsync("teams:other", 1, CancellationToken.None);
        Assert.True(other.IsCompletedSuccessfully);

        await guard.WaitAsync("teams:full", 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed >= AlmostASecond, $"the second call on a full key left after {clock.Elapsed}");
    }

    [Fact]
    public async Task AWaitingCallCanBeCancelled()
    {
        var guard = new BurstGuard();
        await guard.WaitAsync("slack:T1:post", 1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => guard.WaitAsync("slack:T1:post", 1, cancel.Token));
    }
}

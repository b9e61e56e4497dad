using System.Diagnostics;
using CoachBot.Platforms.Sending;

namespace CoachBot.Platforms.Tests.Sending;

// The shared pipeline with a stand-in classification: what the platform's rules say is what happens.
public sealed class SendRetryTests
{
    private sealed record Call(bool MayResend);

    private sealed class Refused(TimeSpan? retryAfter = null) : Exception("refused")
    {
        public TimeSpan? RetryAfter => retryAfter;
    }

    private static SendRetry<Call> Retry(int maxAttempts = 3, TimeSpan? deadline = null) => new(
        new SendRetryRules<Call>(
            maxAttempts, BaseDelay: TimeSpan.FromMilliseconds(10), MaxDelay: TimeSpan.FromMilliseconds(50), deadline,
            ShouldRetry: (failure, call) => failure is Refused && call.MayResend,
            RetryAfter: failure => (failure as Refused)?.RetryAfter),
        TimeProvider.System);

    [Fact]
    public async Task RetriesWhatTheRulesAcceptUntilItSucceeds()
    {
        var attempts = new List<int>();

        var result = await Retry().ExecuteAsync(new Call(MayResend: true), (attempt, _) =>
        {
            attempts.Add(attempt);
            return attempt < 3 ? throw new Refused() : Task.FromResult("sent");
        }, CancellationToken.None);

        Assert.Equal("sent", result);
        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task StopsAfterMaxAttemptsWithTheLastFailure()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<Refused>(() =>
            Retry(maxAttempts: 2).ExecuteAsync<string>(new Call(MayResend: true), (_, _) => { attempts++; throw new Refused(); }, CancellationToken.None));

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task NeverRetriesWhatTheRulesRefuseForThisCall()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<Refused>(() =>
            Retry().ExecuteAsync<string>(new Call(MayResend: false), (_, _) => { attempts++; throw new Refused(); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task WaitsTheRetryAfterThePlatformNamed()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? retriedAt = null;

        await Retry().ExecuteAsync(new Call(MayResend: true), (attempt, _) =>
        {
            if (attempt == 1)
            {
                throw new Refused(TimeSpan.FromMilliseconds(600));
            }

            retriedAt = clock.Elapsed;
            return Task.FromResult(0);
        }, CancellationToken.None);

        // A lower bound only: a slow machine can retry later, never earlier. The backoff alone would be ~10 ms.
        Assert.True(retriedAt >= TimeSpan.FromMilliseconds(590), $"retried after {retriedAt}");
    }

    [Fact]
    public async Task ARetryAfterPastTheDeadlineIsNotWaitedFor()
    {
        var clock = Stopwatch.StartNew();
        var attempts = 0;

        var failure = await Assert.ThrowsAsync<Refused>(() => Retry(deadline: TimeSpan.FromSeconds(5)).ExecuteAsync<string>(
            new Call(MayResend: true), (_, _) => { attempts++; throw new Refused(TimeSpan.FromSeconds(30)); }, CancellationToken.None));

        Assert.Equal((1, TimeSpan.FromSeconds(30)), (attempts, failure.RetryAfter));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"waited {clock.Elapsed}");
    }

    [Fact]
    public async Task OneAttemptMeansNoRetry()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<Refused>(() =>
            Retry(maxAttempts: 1).ExecuteAsync<string>(new Call(MayResend: true), (_, _) => { attempts++; throw new Refused(); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}

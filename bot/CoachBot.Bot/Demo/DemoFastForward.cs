using System.Diagnostics;

namespace CoachBot.Bot.Demo;

/// <summary>
/// "Fast-forward": moves the demo clock to the target through every moment on the way at which nudge work falls due,
/// running it there, so each nudge goes out at its own slot time. One jump straight to the target would leave the
/// skipped day's nudges hours late, and the sender expires those (Jobs:MaxLateness). Each step's offset is saved.
/// </summary>
internal sealed class DemoFastForward(DemoClock clock, DemoClockStore store, IDemoNudgeTrigger trigger, ILogger<DemoFastForward> logger)
{
    // Bounds one request: a month of slots for a small demo team is a few hundred steps.
    private const int MaxSteps = 5000;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan OtherWorkerPoll = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var target = clock.GetUtcNow() + by;
            var started = Stopwatch.GetTimestamp();
            var steps = 0;
            await trigger.RunDueNowAsync(cancellationToken);
            for (; steps < MaxSteps && Stopwatch.GetElapsedTime(started) < Budget; steps++)
            {
                if (await trigger.NextDueAsync(target, cancellationToken) is not { } next)
                {
                    break;
                }

                if (next > clock.GetUtcNow())
                {
                    clock.MoveTo(next);
                    await store.SaveAsync(cancellationToken);
                }
                else
                {
                    // Due now yet not done: another worker (Hangfire's own tick) holds it; let it finish before moving on.
                    await Task.Delay(OtherWorkerPoll, cancellationToken);
                }

                await trigger.RunDueNowAsync(cancellationToken);
            }

            if (steps == MaxSteps || Stopwatch.GetElapsedTime(started) >= Budget)
            {
                DemoLog.FastForwardCut(logger, steps);
            }

            DemoLog.ClockAdvanced(logger, by, clock.MoveTo(target), steps);
            await store.SaveAsync(cancellationToken);
            await trigger.RunDueNowAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }
}

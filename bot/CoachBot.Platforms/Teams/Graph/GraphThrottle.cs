namespace CoachBot.Platforms.Teams.Graph;

/// <summary>One pause for every Graph call in this process: after a 429 the whole batch waits, not just the throttled call.</summary>
public sealed class GraphThrottle(TimeProvider clock)
{
    private long _pausedUntilTicks;

    public void PauseFor(TimeSpan wait)
    {
        var until = (clock.GetUtcNow() + wait).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _pausedUntilTicks)) < until && Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen) != seen)
        {
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, cancellationToken) : Task.CompletedTask;
    }
}

namespace CoachBot.Bot.Demo;

/// <summary>The system clock plus an offset that only moves forward: demo mode's "fast-forward" for everything that reads TimeProvider.</summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public TimeSpan Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        return TimeSpan.FromTicks(Interlocked.Add(ref _offsetTicks, by.Ticks));
    }

    /// <summary>Moves the clock forward to <paramref name="at"/> (never back); returns the offset now.</summary>
    public TimeSpan MoveTo(DateTimeOffset at)
    {
        var by = at - GetUtcNow();
        return by > TimeSpan.Zero ? Advance(by) : Offset;
    }

    /// <summary>Takes over an offset saved by an earlier run; a larger offset already reached wins.</summary>
    public void Restore(TimeSpan offset)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _offsetTicks);
            if (offset.Ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _offsetTicks, offset.Ticks, current) != current);
    }
}

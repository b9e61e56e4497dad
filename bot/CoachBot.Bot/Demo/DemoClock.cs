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
}

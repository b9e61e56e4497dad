namespace CoachBot.LocalWorkspace.State;

/// <summary>
/// The workspace's "now": real time plus CoachBot's demo offset once known, so message ts, event_time and request
/// signatures live in the same (fast-forwarded) time as the CoachBot they talk to.
/// </summary>
public sealed class WorkspaceClock(TimeProvider system) : TimeProvider
{
    private long _offsetTicks;
    private int _synchronized;

    public bool IsSynchronized => Volatile.Read(ref _synchronized) == 1;

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public void Follow(TimeSpan offset)
    {
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        Volatile.Write(ref _synchronized, 1);
    }
}

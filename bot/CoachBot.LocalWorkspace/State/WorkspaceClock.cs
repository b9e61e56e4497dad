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

    private int _moving;

    /// <summary>True while a fast-forward is under way: CoachBot's clock moves during it, step by step.</summary>
    public bool IsMoving => Volatile.Read(ref _moving) > 0;

    /// <summary>Marks a fast-forward as under way until disposed.</summary>
    public IDisposable Moving()
    {
        Interlocked.Increment(ref _moving);
        return new Done(this);
    }

    public void Follow(TimeSpan offset)
    {
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        Volatile.Write(ref _synchronized, 1);
    }

    private sealed class Done(WorkspaceClock clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref clock._moving);
            }
        }
    }
}

using System.Diagnostics;

namespace CoachBot.Coaching.Chat;

/// <summary>
/// One send a caller has already paid for in a platform's shared rate (a nudge batch reserves its chunk up front), handed
/// to the send so the platform does not reserve it again. It covers one request: the first attempt of the send, to the
/// workspace's rate and the recipient's own conversation. A retry, or a second request, reserves as usual.
/// <see cref="Key"/> and <see cref="PerSecond"/> are the platform's own, from the reservation that made the slot.
/// </summary>
public sealed class RateSlot(string key, double perSecond)
{
    private long _usedAt;

    public string Key => key;

    public double PerSecond => perSecond;

    /// <summary>Takes the slot for one request; false once it was taken.</summary>
    public bool TryUse() => Interlocked.CompareExchange(ref _usedAt, Stopwatch.GetTimestamp(), 0) == 0;

    /// <summary>How long ago the slot's request went out, or null while it is unused.</summary>
    public TimeSpan? SinceUsed => Volatile.Read(ref _usedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;
}

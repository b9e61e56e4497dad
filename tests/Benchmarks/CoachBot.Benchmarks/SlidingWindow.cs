namespace CoachBot.Benchmarks;

/// <summary>
/// At most <c>limit</c> calls in any <c>window</c>; answers how long until the next call would fit. Calls are stamped
/// on arrival but judged a little later on another thread, so stamps are kept sorted rather than assumed in order.
/// </summary>
internal sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly List<long> _calls = [];

    public TimeSpan? TryTake(long nowTicks)
    {
        lock (_calls)
        {
            var expired = _calls.FindIndex(t => nowTicks - t < window.Ticks);
            _calls.RemoveRange(0, expired < 0 ? _calls.Count : expired);
            if (_calls.Count >= limit)
            {
                return TimeSpan.FromTicks(window.Ticks - (nowTicks - _calls[0]));
            }

            var at = _calls.BinarySearch(nowTicks);
            _calls.Insert(at < 0 ? ~at : at, nowTicks);
            return null;
        }
    }
}

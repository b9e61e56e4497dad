namespace CoachBot.Benchmarks;

/// <summary>At most <c>limit</c> calls in any <c>window</c>; answers how long until the next call would fit.</summary>
internal sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly Queue<long> _calls = new();

    public TimeSpan? TryTake(long nowTicks)
    {
        lock (_calls)
        {
            while (_calls.Count > 0 && nowTicks - _calls.Peek() >= window.Ticks)
            {
                _calls.Dequeue();
            }

            if (_calls.Count >= limit)
            {
                return TimeSpan.FromTicks(window.Ticks - (nowTicks - _calls.Peek()));
            }

            _calls.Enqueue(nowTicks);
            return null;
        }
    }
}

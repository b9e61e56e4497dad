using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CoachBot.Benchmarks;

/// <summary>
/// What a fake platform saw: accepted messages per key (Slack delivery id, Teams conversation) so duplicates show;
/// calls and 429s, when the 429s came, and the gaps between accepted calls (even or bunched arrivals).
/// </summary>
internal sealed class DeliveryCounter
{
    private static readonly double[] GapBounds = [2, 10, 18, 22];
    private static readonly string[] GapLabels = ["<2", "2-10", "10-18", "18-22", ">=22"];

    private readonly List<double> _throttledAt = [];
    private readonly long[] _gaps = new long[GapBounds.Length + 1];
    private long _calls;
    private long _throttled;
    private long _firstCall;
    private long _lastArrival;

    public ConcurrentDictionary<string, int> Accepted { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    public long Throttled => Interlocked.Read(ref _throttled);

    public int Unique => Accepted.Count;

    public int Duplicates => Accepted.Values.Sum(c => c - 1);

    public void Call()
    {
        Interlocked.Increment(ref _calls);
        Interlocked.CompareExchange(ref _firstCall, Stopwatch.GetTimestamp(), 0);
    }

    public void Throttle()
    {
        Interlocked.Increment(ref _throttled);
        lock (_throttledAt)
        {
            _throttledAt.Add(Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstCall)).TotalSeconds);
        }
    }

    public void Accept(string key)
    {
        Accepted.AddOrUpdate(key, 1, (_, c) => c + 1);
        var now = Stopwatch.GetTimestamp();
        lock (_gaps)
        {
            if (_lastArrival != 0)
            {
                var bucket = Array.FindIndex(GapBounds, b => Stopwatch.GetElapsedTime(_lastArrival, now).TotalMilliseconds < b);
                _gaps[bucket < 0 ? GapBounds.Length : bucket]++;
            }

            _lastArrival = now;
        }
    }

    /// <summary>When the 429s came, in seconds since the first call: a cluster right after one 429 and a spread say different things.</summary>
    public string ThrottleTimes()
    {
        lock (_throttledAt)
        {
            return _throttledAt.Count == 0 ? "none" : string.Join(" ", _throttledAt.Take(60).Select(t => t.ToString("F2", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Gaps between consecutive accepted calls, in milliseconds.</summary>
    public string GapHistogram()
    {
        lock (_gaps)
        {
            return string.Join(", ", GapLabels.Select((l, i) => $"{l} ms: {_gaps[i]:N0}"));
        }
    }
}

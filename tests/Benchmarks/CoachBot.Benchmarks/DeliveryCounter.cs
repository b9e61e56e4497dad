using System.Collections.Concurrent;

namespace CoachBot.Benchmarks;

/// <summary>What a fake platform saw: accepted messages per key (Slack delivery id, Teams conversation) so duplicates show; calls and 429s.</summary>
internal sealed class DeliveryCounter
{
    private long _calls;
    private long _throttled;

    public ConcurrentDictionary<string, int> Accepted { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    public long Throttled => Interlocked.Read(ref _throttled);

    public int Unique => Accepted.Count;

    public int Duplicates => Accepted.Values.Sum(c => c - 1);

    public void Call()
    {
        Interlocked.Increment(ref _calls);
        Interlocked.CompareExchange(ref _firstCall, System.Diagnostics.Stopwatch.GetTimestamp(), 0);
    }

    public void Throttle()
    {
        Interlocked.Increment(ref _throttled);
        lock (_throttledAt)
        {
            _throttledAt.Add(System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstCall)).TotalSeconds);
        }
    }

    private readonly List<double> _throttledAt = [];
    private long _firstCall;

    /// <summary>When the 429s came, in seconds since the first call: a cluster right after one 429 and a spread say different things.</summary>
    public string ThrottleTimes()
    {
        lock (_throttledAt)
        {
            return _throttledAt.Count == 0 ? "none" : string.Join(" ", _throttledAt.Take(60).Select(t => t.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public void Accept(string key)
    {
        Accepted.AddOrUpdate(key, 1, (_, c) => c + 1);
        NoteArrival();
    }

    // Gaps between consecutive accepted calls, in milliseconds: shows whether a paced sender arrives evenly or bunched.
    private static readonly double[] GapBounds = [2, 10, 18, 22];
    private readonly long[] _gaps = new long[GapBounds.Length + 1];
    private long _lastArrival;

    public string GapHistogram()
    {
        lock (_gaps)
        {
            var labels = new[] { "<2", "2-10", "10-18", "18-22", ">=22" };
            return string.Join(", ", labels.Select((l, i) => $"{l} ms: {_gaps[i]:N0}"));
        }
    }

    private void NoteArrival()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_gaps)
        {
            if (_lastArrival != 0)
            {
                var ms = System.Diagnostics.Stopwatch.GetElapsedTime(_lastArrival, now).TotalMilliseconds;
                var bucket = Array.FindIndex(GapBounds, b => ms < b);
                _gaps[bucket < 0 ? GapBounds.Length : bucket]++;
            }

            _lastArrival = now;
        }
    }
}

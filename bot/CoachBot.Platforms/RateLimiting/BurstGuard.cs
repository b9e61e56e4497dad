using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoachBot.Platforms.RateLimiting;

/// <summary>
/// Never lets this process start more than ⌈rate⌉ calls for one key inside any one-second window. The shared gate
/// spaces a batch's calls evenly, but the work between a reserved slot and the request leaving (the ledger's in-flight
/// write, a conversation lookup, the token, first-call JIT) jitters by milliseconds, and at a pace close to a
/// per-second platform cap that jitter alone bunches calls into 429s, each costing the whole tenant its Retry-After.
/// Exact timestamps, because System.Threading.RateLimiting's segmented sliding window lets a second that straddles two
/// segments exceed its limit. Keys are workspaces/tenants (prepaid batch scopes), so the map stays small.
/// </summary>
internal sealed class BurstGuard
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Queue<long>> _started = new();

    public async Task WaitAsync(string key, double perSecond, CancellationToken cancellationToken)
    {
        var limit = Math.Max(1, (int)Math.Ceiling(perSecond));
        var started = _started.GetOrAdd(key, _ => new Queue<long>(limit + 1));
        while (true)
        {
            TimeSpan wait;
            lock (started)
            {
                var now = Stopwatch.GetTimestamp();
                while (started.Count > 0 && (started.Count > limit || Stopwatch.GetElapsedTime(started.Peek(), now) >= Window))
                {
                    started.Dequeue();
                }

                if (started.Count < limit)
                {
                    started.Enqueue(now);
                    return;
                }

                wait = Window - Stopwatch.GetElapsedTime(started.Peek(), now);
            }

            await Task.Delay(wait, cancellationToken);
        }
    }
}

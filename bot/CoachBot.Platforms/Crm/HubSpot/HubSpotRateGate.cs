using System.Globalization;
using System.Net.Http.Headers;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>
/// Keeps this process under HubSpot's limits instead of hitting them: every call waits for a slot in a sliding count of
/// the interval limit (learned from X-HubSpot-RateLimit-Max / -Interval-Milliseconds), search calls also in the search
/// limit. X-HubSpot-RateLimit-Remaining at zero (another instance or app spends the same allowance) and a 429's
/// Retry-After pause every caller.
/// </summary>
public sealed class HubSpotRateGate
{
    // Latency varies between two sends, so the server may see them a little closer together than they left.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly SlidingLog _all;
    private readonly SlidingLog _search;
    private DateTimeOffset _pausedUntil;

    public HubSpotRateGate(Microsoft.Extensions.Options.IOptions<HubSpotOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _all = new SlidingLog(options.Value.RequestsPerInterval, options.Value.Interval + Margin);
        _search = new SlidingLog(options.Value.SearchRequestsPerSecond, TimeSpan.FromSeconds(1) + Margin);
    }

    public async Task WaitAsync(bool search, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                wait = _pausedUntil > now ? _pausedUntil - now : _all.WaitFor(now);
                if (search && _search.WaitFor(now) is var searchWait && searchWait > wait)
                {
                    wait = searchWait;
                }

                if (wait <= TimeSpan.Zero)
                {
                    _all.Take(now);
                    if (search)
                    {
                        _search.Take(now);
                    }

                    return;
                }
            }

            await Task.Delay(wait, _clock, cancellationToken);
        }
    }

    public void PauseFor(TimeSpan wait)
    {
        lock (_lock)
        {
            var until = _clock.GetUtcNow() + wait;
            _pausedUntil = until > _pausedUntil ? until : _pausedUntil;
        }
    }

    /// <summary>Adopts the limit HubSpot states for this token; pauses for an interval when it says none is left.</summary>
    public void Observe(HttpResponseHeaders headers)
    {
        var max = Header(headers, "X-HubSpot-RateLimit-Max");
        var intervalMs = Header(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        var remaining = Header(headers, "X-HubSpot-RateLimit-Remaining");
        lock (_lock)
        {
            if (max is > 0 and <= 10_000)
            {
                _all.Max = (int)max.Value;
            }

            if (intervalMs is > 0 and <= 600_000)
            {
                _all.Window = TimeSpan.FromMilliseconds(intervalMs.Value) + Margin;
            }
        }

        if (remaining is <= 0)
        {
            PauseFor(_all.Window);
        }
    }

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}

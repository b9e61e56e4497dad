using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CoachBot.InboundBench;

/// <summary>
/// <c>connections</c> workers, each on its own keep-alive connection. Closed loop (rate=0): each sends the next signed
/// request as soon as the previous answer is read. Fixed rate (rate=N): request i is due at start + i/N and is sent by the
/// next free worker; its latency is counted from when it was due, so a server that falls behind is charged for the
/// queue it causes (no coordinated omission). A warm-up (not counted) precedes the timed window; one result line is printed.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
        }) { Timeout = TimeSpan.FromSeconds(30) };
        var command = new SignedCommand(settings.Secret, settings.Fake, settings.Text);
        var events = new SignedEvent(settings.Secret, settings.Text);
        Func<int, HttpRequestMessage> create = settings.Mode == "events"
            ? user => events.Create(settings.Target, user)
            : user => command.Create(settings.Target, user);
        var nextUser = -1;

        await RunWindowAsync(client, create, settings, settings.Warmup, () => Interlocked.Increment(ref nextUser));
        var tally = await RunWindowAsync(client, create, settings, settings.Duration, () => Interlocked.Increment(ref nextUser));
        Console.WriteLine(tally.Describe(settings.Duration));
        return 0;
    }

    private static async Task<Tally> RunWindowAsync(HttpClient client, Func<int, HttpRequestMessage> create, LoadSettings settings, TimeSpan window, Func<int> next)
    {
        var tallies = Enumerable.Range(0, settings.Connections).Select(_ => new Tally()).ToArray();
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var expectEphemeral = settings.Mode != "events";
        if (settings.Rate <= 0)
        {
            await Task.WhenAll(tallies.Select(tally => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    await SendOneAsync(client, create(next() % settings.Users), Stopwatch.GetTimestamp(), expectEphemeral, tally);
                }
            })));
            return Tally.Merge(tallies);
        }

        var ticks = Stopwatch.Frequency / settings.Rate;
        var slot = -1L;
        await Task.WhenAll(tallies.Select(tally => Task.Run(async () =>
        {
            while (true)
            {
                var due = start + (long)(Interlocked.Increment(ref slot) * ticks);
                if (due >= until)
                {
                    return;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await SendOneAsync(client, create(next() % settings.Users), due, expectEphemeral, tally);
            }
        })));
        return Tally.Merge(tallies);
    }

    private static async Task SendOneAsync(HttpClient client, HttpRequestMessage request, long due, bool expectEphemeral, Tally tally)
    {
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            tally.Add(Stopwatch.GetElapsedTime(due), response.StatusCode, !expectEphemeral || body.Contains("\"ephemeral\"", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            tally.Fail();
        }
        finally
        {
            request.Dispose();
        }
    }
}

/// <summary>One worker's (or the merged) latencies and answer counts.</summary>
internal sealed class Tally
{
    private readonly List<double> _millis = [];

    public int Non200 { get; private set; }

    public int Errors { get; private set; }

    public int NotEphemeral { get; private set; }

    public void Add(TimeSpan latency, HttpStatusCode status, bool ephemeral)
    {
        _millis.Add(latency.TotalMilliseconds);
        Non200 += status == HttpStatusCode.OK ? 0 : 1;
        NotEphemeral += status == HttpStatusCode.OK && !ephemeral ? 1 : 0;
    }

    public void Fail() => Errors++;

    public static Tally Merge(IEnumerable<Tally> tallies)
    {
        var merged = new Tally();
        foreach (var tally in tallies)
        {
            merged._millis.AddRange(tally._millis);
            merged.Non200 += tally.Non200;
            merged.Errors += tally.Errors;
            merged.NotEphemeral += tally.NotEphemeral;
        }

        merged._millis.Sort();
        return merged;
    }

    public string Describe(TimeSpan window) => string.Create(CultureInfo.InvariantCulture,
        $"requests={_millis.Count} rps={_millis.Count / window.TotalSeconds:F1} p50={Percentile(0.50):F2} p99={Percentile(0.99):F2} non200={Non200} errors={Errors} not_ephemeral={NotEphemeral}");

    private double Percentile(double p) => _millis.Count == 0 ? double.NaN : _millis[Math.Min(_millis.Count - 1, (int)Math.Ceiling(p * _millis.Count) - 1)];
}

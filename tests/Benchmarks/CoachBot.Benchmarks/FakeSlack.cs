using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachBot.Benchmarks;

/// <summary>
/// Loopback Slack Web API, the calls SlackMessenger makes: chat.postMessage (JSON) with a per-workspace per-minute cap
/// (429 + Retry-After past it) and a configurable latency; conversations.open (prevent_creation) and
/// conversations.history with include_all_metadata (forms) for reconciliation; auth.test. The workspace is the bot token
/// seeded for it; duplicates are counted by the delivery id the product puts in metadata.event_payload.delivery_id.
/// </summary>
internal sealed class FakeSlack(int perMinute, TimeSpan latency)
{
    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Ts, string DeliveryId)>> _history = new();
    private readonly ConcurrentDictionary<string, int> _unexpected = new();
    private readonly ConcurrentDictionary<string, int> _methods = new();
    private long _ts = 1_772_442_000_000_000;

    public DeliveryCounter Counter { get; } = new();

    /// <summary>Web API methods the product called that this fake does not implement (should stay empty).</summary>
    public IReadOnlyDictionary<string, int> Unexpected => _unexpected;

    /// <summary>Every Web API call by method, to see the reconciliation traffic (conversations.open / history).</summary>
    public IReadOnlyDictionary<string, int> Methods => _methods;

    public void Map(WebApplication app) => app.MapPost("/slack/api/{method}", CallAsync);

    private async Task<IResult> CallAsync(string method, HttpRequest request)
    {
        if (BenchCredentials.SlackTeamOf(request.Headers.Authorization.ToString()) is not { } team)
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        _methods.AddOrUpdate(method, 1, (_, c) => c + 1);
        return method switch
        {
            "chat.postMessage" => await PostMessageAsync(team, request),
            "conversations.open" => await OpenAsync(request),
            "conversations.history" => await HistoryAsync(team, request),
            "auth.test" => Results.Json(new { ok = true, team_id = team, user_id = "UBENCHBOT", bot_id = "BBENCHBOT" }),
            _ => Unknown(method),
        };
    }

    private async Task<IResult> PostMessageAsync(string team, HttpRequest request)
    {
        Counter.Call();
        // Read the whole body first, even for a 429, so the keep-alive connection stays usable (as a real server's would).
        var body = await JsonNode.ParseAsync(request.Body);
        var wait = _windows.GetOrAdd(team, _ => new SlidingWindow(perMinute, TimeSpan.FromMinutes(1))).TryTake(Arrival.Of(request.HttpContext));
        if (wait is { } w)
        {
            Counter.Throttle();
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(429);
        }

        var user = (string?)body?["channel"];
        if (user is null || (string?)body!["metadata"]?["event_payload"]?["delivery_id"] is not { } deliveryId)
        {
            return Results.Json(new { ok = false, error = user is null ? "channel_not_found" : "invalid_metadata" });
        }

        var channel = $"D{user}";
        var ts = (Interlocked.Increment(ref _ts) / 1e6).ToString("F6", CultureInfo.InvariantCulture);
        // Accepted before the latency: a sender killed while waiting for the answer is exactly the crash window.
        Counter.Accept(deliveryId);
        _history.GetOrAdd($"{team}:{channel}", _ => new()).Enqueue((ts, deliveryId));
        await Task.Delay(latency);
        return Results.Json(new { ok = true, channel, ts });
    }

    // Every rep has a DM with the app here, so prevent_creation still finds one.
    private static async Task<IResult> OpenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return form["users"].ToString() is { Length: > 0 } user
            ? Results.Json(new { ok = true, channel = new { id = $"D{user}" } })
            : Results.Json(new { ok = false, error = "users_not_found" });
    }

    private async Task<IResult> HistoryAsync(string team, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var withMetadata = form["include_all_metadata"] == "true";
        var messages = _history.TryGetValue($"{team}:{form["channel"]}", out var list)
            ? list.Reverse().Select(m => new
            {
                type = "message",
                ts = m.Ts,
                metadata = withMetadata ? new { event_type = "coachbot_nudge", event_payload = new { delivery_id = m.DeliveryId } } : null,
            }).ToArray()
            : [];
        return Results.Json(new { ok = true, messages, has_more = false, response_metadata = new { next_cursor = "" } });
    }

    private IResult Unknown(string method)
    {
        _unexpected.AddOrUpdate(method, 1, (_, c) => c + 1);
        return Results.Json(new { ok = false, error = "unknown_method" });
    }
}

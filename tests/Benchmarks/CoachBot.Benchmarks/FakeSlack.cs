using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Benchmarks;

/// <summary>
/// Loopback Slack Web API: chat.postMessage with a per-workspace per-minute cap (429 + Retry-After past it),
/// a configurable latency, and conversations.history returning message metadata so senders can reconcile.
/// The workspace is the bot token ("xoxb-{team}"); the delivery id is read from metadata.event_payload.delivery_id.
/// </summary>
internal sealed class FakeSlack(int perMinute, TimeSpan latency)
{
    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Ts, Guid DeliveryId)>> _history = new();
    private long _ts = 1_772_442_000_000_000;

    public DeliveryCounter Counter { get; } = new();

    public void Map(WebApplication app)
    {
        app.MapPost("/slack/api/chat.postMessage", PostMessageAsync);
        app.MapGet("/slack/api/conversations.history", History);
    }

    private async Task<IResult> PostMessageAsync(HttpRequest request)
    {
        Counter.Call();
        var team = request.Headers.Authorization.ToString().Replace("Bearer xoxb-", "", StringComparison.Ordinal);
        var wait = _windows.GetOrAdd(team, _ => new SlidingWindow(perMinute, TimeSpan.FromMinutes(1))).TryTake(DateTime.UtcNow.Ticks);
        if (wait is { } w)
        {
            Counter.Throttle();
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(429);
        }

        var body = await JsonNode.ParseAsync(request.Body);
        var channel = body!["channel"]!.GetValue<string>();
        var deliveryId = Guid.Parse(body["metadata"]!["event_payload"]!["delivery_id"]!.GetValue<string>());
        var ts = (Interlocked.Increment(ref _ts) / 1e6).ToString("F6", CultureInfo.InvariantCulture);
        // Accepted before the latency: a sender killed while waiting for the answer is exactly the crash window.
        Counter.Accept(deliveryId);
        _history.GetOrAdd($"{team}:{channel}", _ => new()).Enqueue((ts, deliveryId));
        await Task.Delay(latency);
        return Results.Json(new { ok = true, channel = $"D{channel}", ts });
    }

    private IResult History(HttpRequest request)
    {
        var team = request.Headers.Authorization.ToString().Replace("Bearer xoxb-", "", StringComparison.Ordinal);
        var channel = request.Query["channel"].ToString().TrimStart('D');
        var messages = _history.TryGetValue($"{team}:{channel}", out var list)
            ? list.Select(m => new { type = "message", ts = m.Ts, metadata = new { event_type = "coachbot_nudge", event_payload = new { delivery_id = m.DeliveryId } } }).ToArray()
            : [];
        return Results.Text(JsonSerializer.Serialize(new { ok = true, messages, has_more = false }), "application/json");
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CoachBot.Benchmarks;

/// <summary>
/// Loopback Bot Connector: POST v3/conversations/{id}/activities with a per-tenant cap of N requests in any second
/// (429 + Retry-After past it) and a configurable latency. The tenant is conversation.tenantId; duplicates are
/// counted by channelData.coachbot.deliveryId (a test-only field: real Teams has no idempotency key).
/// </summary>
internal sealed class FakeTeams(int perSecond, TimeSpan latency)
{
    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new();
    private long _id;

    public DeliveryCounter Counter { get; } = new();

    public void Map(WebApplication app) => app.MapPost("/teams/v3/conversations/{conversationId}/activities", SendAsync);

    private async Task<IResult> SendAsync(string conversationId, HttpRequest request)
    {
        Counter.Call();
        var body = await JsonNode.ParseAsync(request.Body);
        var tenant = body!["conversation"]!["tenantId"]!.GetValue<string>();
        var wait = _windows.GetOrAdd(tenant, _ => new SlidingWindow(perSecond, TimeSpan.FromSeconds(1))).TryTake(DateTime.UtcNow.Ticks);
        if (wait is not null)
        {
            Counter.Throttle();
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }

        Counter.Accept(Guid.Parse(body["channelData"]!["coachbot"]!["deliveryId"]!.GetValue<string>()));
        await Task.Delay(latency);
        return Results.Json(new { id = $"1:{Interlocked.Increment(ref _id)}" });
    }
}

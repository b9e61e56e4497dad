using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CoachBot.Benchmarks;

/// <summary>
/// Loopback Bot Connector and token endpoint, the calls TeamsMessenger makes: a client-credentials token
/// (form post → access_token, expires_in) and POST v3/conversations/{id}/activities with that bearer token, a per-tenant
/// cap of N requests in any second (429 + Retry-After past it) and a configurable latency. Real activities carry no
/// idempotency key, so duplicates are counted per conversation: a run sends each rep exactly one nudge.
/// </summary>
internal sealed class FakeTeams(int perSecond, TimeSpan latency)
{
    private readonly ConcurrentDictionary<string, SlidingWindow> _windows = new();
    private readonly string _accessToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private long _id;
    private long _tokens;

    public DeliveryCounter Counter { get; } = new();

    public long TokensIssued => Interlocked.Read(ref _tokens);

    public void Map(WebApplication app)
    {
        app.MapPost("/teams-login/{tenant}/oauth2/v2.0/token", TokenAsync);
        app.MapPost("/teams/v3/conversations/{conversationId}/activities", SendAsync);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != BenchCredentials.TeamsAppId
            || !BenchCredentials.SameSecret(form["client_secret"], BenchCredentials.TeamsAppPassword))
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        Interlocked.Increment(ref _tokens);
        return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = _accessToken });
    }

    private async Task<IResult> SendAsync(string conversationId, HttpRequest request)
    {
        Counter.Call();
        // Read the whole body first, even for a 429 or 401, so the keep-alive connection stays usable.
        var body = await JsonNode.ParseAsync(request.Body);
        if (!BenchCredentials.SameSecret(request.Headers.Authorization.ToString(), $"Bearer {_accessToken}"))
        {
            return Results.Json(new { error = new { code = "Unauthorized", message = "bad token" } }, statusCode: 401);
        }

        if (BenchCredentials.ParseTeamsConversationId(conversationId) is not { } target || (string?)body?["type"] != "message")
        {
            return Results.Json(new { error = new { code = "BadArgument", message = "unknown conversation or not a message" } }, statusCode: 400);
        }

        var wait = _windows.GetOrAdd(target.TenantId, _ => new SlidingWindow(perSecond, TimeSpan.FromSeconds(1))).TryTake(Arrival.Of(request.HttpContext));
        if (wait is not null)
        {
            Counter.Throttle();
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }

        // Accepted before the latency: a sender killed while waiting for the answer is exactly the crash window.
        Counter.Accept(conversationId);
        await Task.Delay(latency);
        return Results.Json(new { id = $"1:{Interlocked.Increment(ref _id)}" });
    }
}

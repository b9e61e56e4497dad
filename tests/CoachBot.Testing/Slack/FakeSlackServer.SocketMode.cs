using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Slack;

// Socket Mode as Slack speaks it (slack-platform.md §11): apps.connections.open with the app-level token hands out a
// single-use ws:// URL; the socket says hello, carries envelopes, takes acks, and can be told to disconnect, drop or go silent.
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, byte> _tickets = new();
    private readonly ConcurrentQueue<FakeSlackSocket> _sockets = new();

    private readonly ConcurrentQueue<bool> _silenced = new();

    public string AppToken { get; } = $"xapp-1-A0COACHBOT-test-{Guid.NewGuid():N}";

    /// <summary>Every socket CoachBot opened, in order.</summary>
    public IReadOnlyList<FakeSlackSocket> Sockets => [.. _sockets];

    /// <summary>URLs handed out that were used more than once or never issued: Slack refuses both, so this must stay zero.</summary>
    public int RefusedSocketUrls { get; private set; }

    /// <summary>The next socket says hello, then stays open but answers nothing, pings included.</summary>
    public void SilenceNextSocket() => _silenced.Enqueue(true);

    /// <summary>Waits (polling) until the <paramref name="number"/>th socket (1-based) is open and has been sent its hello.</summary>
    public async Task<FakeSlackSocket> WaitForSocketAsync(int number, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < until)
        {
            if (Sockets.Count >= number && Sockets[number - 1].HelloSent)
            {
                return Sockets[number - 1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"CoachBot opened {Sockets.Count} socket(s), expected {number}");
    }

    /// <summary>Every ack CoachBot sent for <paramref name="envelopeId"/>, on any socket.</summary>
    public IReadOnlyList<JsonObject> AcksFor(string envelopeId) => [.. Sockets.SelectMany(s => s.Acks).Where(a => (string?)a["envelope_id"] == envelopeId)];

    public async Task<JsonObject> WaitForAckAsync(string envelopeId, int count = 1)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (AcksFor(envelopeId).Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return AcksFor(envelopeId).Count >= count ? AcksFor(envelopeId)[count - 1] : throw new TimeoutException($"envelope {envelopeId} acked {AcksFor(envelopeId).Count} time(s), expected {count}");
    }

    private JsonObject OpenConnection(string authorization)
    {
        if (authorization != $"Bearer {AppToken}")
        {
            return Error(authorization.StartsWith("Bearer xoxb-", StringComparison.Ordinal) ? "not_allowed_token_type" : "invalid_auth");
        }

        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = 0;
        return Ok(new() { ["url"] = new Uri(BaseUrl, $"link/?ticket={ticket}&app_id=A0COACHBOT").ToString().Replace("http://", "ws://", StringComparison.Ordinal) });
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(context.Request.Query["ticket"].ToString(), out _))
        {
            RefusedSocketUrls++;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var fake = new FakeSlackSocket(socket, _sockets.Count + 1, silent: _silenced.TryDequeue(out _));
        _sockets.Enqueue(fake);
        await fake.RunAsync(context.RequestAborted);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;
using Microsoft.Extensions.Options;

namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>Posts signed events, slash commands and interactions to CoachBot's real Slack endpoints, like Slack does.</summary>
public sealed partial class CoachBotClient(
    HttpClient http, IOptions<WorkspaceOptions> options, WorkspaceState state, WorkspaceClock clock, SocketModeLink socket, ILogger<CoachBotClient> logger)
{
    public Task<Delivery> PostEventAsync(JsonObject envelope, string what) => socket.Enabled
        ? OverSocketAsync("events_api", envelope, acceptsResponsePayload: false, what)
        : SendSignedAsync("slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", what);

    public Task<Delivery> PostCommandAsync(IEnumerable<KeyValuePair<string, string>> fields, string what) => socket.Enabled
        ? OverSocketAsync("slash_commands", new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))), acceptsResponsePayload: true, what)
        : SendSignedAsync("slack/commands", Encoding.UTF8.GetBytes(FormEncode(fields)), "application/x-www-form-urlencoded", what);

    public Task<Delivery> PostInteractionAsync(JsonObject payload, string what) => socket.Enabled
        ? OverSocketAsync("interactive", payload, acceptsResponsePayload: false, what)
        : SendSignedAsync("slack/interactions", Encoding.UTF8.GetBytes(FormEncode([new("payload", payload.ToJsonString())])), "application/x-www-form-urlencoded", what);

    private async Task<Delivery> OverSocketAsync(string type, JsonObject payload, bool acceptsResponsePayload, string what)
    {
        // No signature over the socket, but the demo clock still stamps what the workspace shows.
        await SynchronizeClockAsync();
        var delivery = await socket.SendAsync(type, payload, acceptsResponsePayload);
        state.Log.Add("out", $"{what} (socket)", delivery.Failure ?? "acked");
        return delivery;
    }

    // A fast-forward sends the nudges that fall due on the way before it answers, which takes longer than an ack.
    private static readonly TimeSpan DemoDeadline = TimeSpan.FromMinutes(3);

    /// <summary>CoachBot's demo endpoints (clock, nudge-now): loopback-only there, so unsigned.</summary>
    public async Task<Delivery> DemoAsync(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        var delivery = await SendAsync(request, $"demo {pathAndQuery}", method == HttpMethod.Get ? null : DemoDeadline);
        if (delivery.Succeeded && TryReadOffset(delivery.Body) is { } offset)
        {
            clock.Follow(offset);
        }

        return delivery;
    }

    /// <summary>
    /// Re-reads CoachBot's clock without a protocol-log line: during a fast-forward CoachBot posts each nudge at its own
    /// step's time, and the message ts must show that time, not the time the fast-forward started.
    /// </summary>
    public async Task FollowDemoClockAsync()
    {
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.AckTimeoutSeconds));
            using var response = await http.GetAsync("demo/clock", deadline.Token);
            if (response.IsSuccessStatusCode && TryReadOffset(await response.Content.ReadAsStringAsync(deadline.Token)) is { } offset)
            {
                clock.Follow(offset);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The ts then shows the last known time; the message itself still arrives.
        }
    }

    public static string FormEncode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

    private async Task<Delivery> SendSignedAsync(string path, byte[] body, string contentType, string what)
    {
        // CoachBot in demo mode judges signature freshness by its demo clock, so requests are stamped in that time.
        await SynchronizeClockAsync();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackSigner.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSigner.SignatureHeader, SlackSigner.Sign(options.Value.SigningSecret, timestamp, body));
        return await SendAsync(request, what);
    }

    private async Task SynchronizeClockAsync()
    {
        if (clock.IsSynchronized)
        {
            return;
        }

        var answer = await DemoAsync(HttpMethod.Get, "demo/clock");
        if (answer.Status is { } status && !answer.Succeeded)
        {
            // CoachBot answered but has no demo clock: it runs on real time.
            clock.Follow(TimeSpan.Zero);
            LogNoDemoClock(logger, status);
        }
    }

    // offsetSeconds when CoachBot gives it (a fast-forward step lands on a slot, not on a whole minute), else offsetMinutes.
    private static TimeSpan? TryReadOffset(string body)
    {
        try
        {
            var clock = JsonNode.Parse(body);
            return clock?["offsetSeconds"] is { } seconds ? TimeSpan.FromSeconds(seconds.GetValue<double>())
                : clock?["offsetMinutes"] is { } minutes ? TimeSpan.FromMinutes(minutes.GetValue<long>())
                : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private async Task<Delivery> SendAsync(HttpRequestMessage request, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(options.Value.AckTimeoutSeconds));
        Delivery delivery;
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            delivery = new Delivery((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, null);
        }
        catch (OperationCanceledException)
        {
            delivery = new Delivery(null, null, "", "operation_timeout");
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, request.RequestUri?.ToString() ?? "", ex.Message);
            delivery = new Delivery(null, null, "", "dispatch_failed");
        }

        state.Log.Add("out", what, delivery.Outcome);
        return delivery;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "CoachBot has no demo clock (HTTP {Status}); signing requests with real time")]
    private static partial void LogNoDemoClock(ILogger logger, int status);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "CoachBot is not reachable at {Url}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string url, string reason);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;
using Microsoft.Extensions.Options;

namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>Posts signed events, slash commands and interactions to CoachBot's real Slack endpoints, like Slack does.</summary>
public sealed partial class CoachBotClient(HttpClient http, IOptions<WorkspaceOptions> options, WorkspaceState state, WorkspaceClock clock, ILogger<CoachBotClient> logger)
{
    public Task<Delivery> PostEventAsync(JsonObject envelope, string what) =>
        SendSignedAsync("slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", what);

    public Task<Delivery> PostCommandAsync(IEnumerable<KeyValuePair<string, string>> fields, string what) =>
        SendSignedAsync("slack/commands", Encoding.UTF8.GetBytes(FormEncode(fields)), "application/x-www-form-urlencoded", what);

    public Task<Delivery> PostInteractionAsync(JsonObject payload, string what) =>
        SendSignedAsync("slack/interactions", Encoding.UTF8.GetBytes(FormEncode([new("payload", payload.ToJsonString())])), "application/x-www-form-urlencoded", what);

    /// <summary>CoachBot's demo endpoints (clock, nudge-now): loopback-only there, so unsigned.</summary>
    public async Task<Delivery> DemoAsync(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        var delivery = await SendAsync(request, $"demo {pathAndQuery}");
        if (delivery.Succeeded && TryReadOffset(delivery.Body) is { } offset)
        {
            clock.Follow(TimeSpan.FromMinutes(offset));
        }

        return delivery;
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

    private static long? TryReadOffset(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["offsetMinutes"]?.GetValue<long>();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private async Task<Delivery> SendAsync(HttpRequestMessage request, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.AckTimeoutSeconds));
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

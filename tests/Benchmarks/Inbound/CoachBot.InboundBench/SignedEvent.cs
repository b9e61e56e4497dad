using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.InboundBench;

/// <summary>
/// One Events API delivery as Slack sends it: an event_callback envelope with a fresh event_id around a message.im from a
/// benchmark person in their DM with the bot, JSON signed v0 like a command.
/// </summary>
internal sealed class SignedEvent(byte[] secret, string text)
{
    private static long _event = Random.Shared.NextInt64(1_000_000_000);

    public HttpRequestMessage Create(Uri target, int userIndex)
    {
        var id = Interlocked.Increment(ref _event);
        var now = DateTimeOffset.UtcNow;
        var ts = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.{id % 1_000_000:D6}");
        var body = new JsonObject
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = BenchUsers.TeamId,
            ["api_app_id"] = "A0BENCH01",
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel_type"] = "im", ["user"] = BenchUsers.UserId(userIndex), ["text"] = text,
                ["channel"] = BenchUsers.DirectChannel(userIndex), ["ts"] = ts, ["event_ts"] = ts,
            },
            ["type"] = "event_callback",
            ["event_id"] = string.Create(CultureInfo.InvariantCulture, $"Ev{id:D12}"),
            ["event_time"] = now.ToUnixTimeSeconds(),
        }.ToJsonString();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", $"v0={Convert.ToHexStringLower(signature)}");
        return request;
    }
}

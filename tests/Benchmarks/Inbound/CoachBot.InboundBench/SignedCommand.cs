using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachBot.InboundBench;

/// <summary>One "/coach help" as Slack sends it: a form body signed v0 (HMAC-SHA256 of <c>v0:{ts}:{body}</c>), fresh trigger_id.</summary>
internal sealed class SignedCommand(byte[] secret, Uri fake, string text)
{
    private static long _trigger = Random.Shared.NextInt64(1_000_000_000);

    public HttpRequestMessage Create(Uri target, int userIndex)
    {
        var trigger = Interlocked.Increment(ref _trigger);
        var body = string.Join('&', new (string Key, string Value)[]
        {
            ("token", "deprecated-verification-token"), ("team_id", BenchUsers.TeamId), ("team_domain", "bench"),
            ("channel_id", BenchUsers.ChannelId), ("channel_name", "bench"), ("user_id", BenchUsers.UserId(userIndex)),
            ("user_name", $"bench{userIndex:D4}"), ("command", "/coach"), ("text", text), ("api_app_id", "A0BENCH01"),
            ("is_enterprise_install", "false"), ("response_url", new Uri(fake, $"hooks/{trigger}").ToString()),
            ("trigger_id", $"{trigger}.1234567890.{trigger:x}"),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", $"v0={Convert.ToHexStringLower(signature)}");
        return request;
    }
}

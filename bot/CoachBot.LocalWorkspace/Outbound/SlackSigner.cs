using System.Security.Cryptography;
using System.Text;

namespace CoachBot.LocalWorkspace.Outbound;

/// <summary>Slack's v0 request signature: HMAC-SHA256 over "v0:{timestamp}:{raw body}", lowercase hex.</summary>
public static class SlackSigner
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public static string Sign(string signingSecret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Platforms.Slack;

/// <summary>Slack's v0 request signature: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>, fresh within five minutes.</summary>
public static class SlackSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private const string Prefix = "v0=";
    private const int HexLength = 64;

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }

    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.MissingTimestamp;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        // Both directions: a clock far ahead is as suspicious as a replay from the past.
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Window.TotalSeconds)
        {
            return SignatureCheck.Stale;
        }

        if (string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingSignature;
        }

        if (!signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureCheck.UnknownVersion;
        }

        if (signature.Length != Prefix.Length + HexLength || !signature.AsSpan(Prefix.Length).ContainsOnlyLowerHex())
        {
            return SignatureCheck.MalformedSignature;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var received = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, received) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    private static bool ContainsOnlyLowerHex(this ReadOnlySpan<char> text) =>
        !text.ContainsAnyExcept("0123456789abcdef");
}

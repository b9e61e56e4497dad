using System.Globalization;
using System.Net.Http.Headers;
using CoachBot.Platforms.Slack;

namespace CoachBot.Testing.Slack;

/// <summary>Signs test requests exactly as Slack does (v0 HMAC over the raw body), so verification is part of every test.</summary>
public sealed class SlackRequestSigner(string signingSecret)
{
    public string SigningSecret => signingSecret;

    public HttpRequestMessage Create(string path, byte[] body, string contentType, DateTimeOffset signedAt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Sign(request, body, signedAt);
        return request;
    }

    public void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Remove(SlackSignature.TimestampHeader);
        request.Headers.Remove(SlackSignature.SignatureHeader);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(signingSecret, timestamp, body));
    }
}

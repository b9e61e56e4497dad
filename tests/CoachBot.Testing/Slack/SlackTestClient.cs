using System.Text;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.Slack;

/// <summary>Posts signed Slack requests (events JSON, command forms, interaction payloads) to a running CoachBot.</summary>
public sealed class SlackTestClient(HttpClient http, SlackRequestSigner signer) : IDisposable
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";

    public HttpClient Http => http;

    public SlackRequestSigner Signer => signer;

    public Task<HttpResponseMessage> PostEventAsync(JsonObject envelope, int? retryNum = null) =>
        SendAsync("/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), Json, retryNum: retryNum);

    public Task<HttpResponseMessage> PostCommandAsync(IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync("/slack/commands", FormBytes(fields), Form);

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        SendAsync("/slack/interactions", FormBytes([new("payload", payload.ToJsonString())]), Form);

    /// <summary>Sends bytes signed at <paramref name="signedAt"/> (default now); <paramref name="tamper"/> edits the request after signing.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        string path, byte[] body, string contentType, DateTimeOffset? signedAt = null, int? retryNum = null, Action<HttpRequestMessage>? tamper = null)
    {
        using var request = signer.Create(path, body, contentType, signedAt ?? DateTimeOffset.UtcNow);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        tamper?.Invoke(request);
        return await http.SendAsync(request);
    }

    public static byte[] FormBytes(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    public void Dispose() => http.Dispose();
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;

namespace CoachBot.Benchmarks;

// Minimal senders speaking the real wire formats (Slack chat.postMessage with metadata, Bot Connector activities).
// The product's Slack and Teams messengers are built separately; these stand in so the benchmark exercises the real
// ledger, dispatcher, rate gate and Hangfire paths end to end.
internal abstract class WireMessenger(HttpClient http) : IChatMessenger
{
    public abstract ChatPlatform Platform { get; }

    public abstract bool CanReconcile { get; }

    protected HttpClient Http => http;

    public abstract Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, CancellationToken cancellationToken);

    public Task<SentMessage> PostAsync(ChatAddress conversation, CoachMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UpdateAsync(SentMessage sent, CoachMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public virtual Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            throw new ChatDeliveryException(ChatFailureKind.Retryable, "ratelimited", retryAfter);
        }

        if ((int)response.StatusCode >= 500)
        {
            throw new ChatDeliveryException(ChatFailureKind.Retryable, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!;
    }
}

internal sealed class SlackWireMessenger(HttpClient http, string baseUrl) : WireMessenger(http)
{
    public override ChatPlatform Platform => ChatPlatform.Slack;

    public override bool CanReconcile => true;

    public override async Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}api/chat.postMessage")
        {
            Content = JsonContent.Create(new
            {
                channel = person.UserId,
                text = message.Text,
                metadata = new { event_type = "coachbot_nudge", event_payload = new { delivery_id = message.DeliveryId } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"xoxb-{person.WorkspaceId}");
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        return new SentMessage(new ChatAddress(ChatPlatform.Slack, person.WorkspaceId, body["channel"]!.GetValue<string>()), body["ts"]!.GetValue<string>());
    }

    public override async Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{baseUrl}api/conversations.history?channel=D{person.UserId}&include_all_metadata=true&oldest={since.ToUnixTimeSeconds()}&limit=200");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"xoxb-{person.WorkspaceId}");
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        var match = body["messages"]!.AsArray().FirstOrDefault(m =>
            m!["metadata"]?["event_payload"]?["delivery_id"]?.GetValue<string>() == deliveryId.ToString());
        return match is null ? null : new SentMessage(new ChatAddress(ChatPlatform.Slack, person.WorkspaceId, $"D{person.UserId}"), match["ts"]!.GetValue<string>());
    }
}

internal sealed class TeamsWireMessenger(HttpClient http, string serviceUrl) : WireMessenger(http)
{
    public override ChatPlatform Platform => ChatPlatform.Teams;

    public override bool CanReconcile => false;

    public override async Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, CancellationToken cancellationToken)
    {
        var conversationId = $"a:{person.UserId}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{serviceUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities")
        {
            Content = JsonContent.Create(new
            {
                type = "message",
                text = message.Text,
                conversation = new { id = conversationId, tenantId = person.WorkspaceId },
                channelData = new { tenant = new { id = person.WorkspaceId }, coachbot = new { deliveryId = message.DeliveryId } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "benchmark-token");
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        return new SentMessage(new ChatAddress(ChatPlatform.Teams, person.WorkspaceId, conversationId), body["id"]!.GetValue<string>());
    }
}

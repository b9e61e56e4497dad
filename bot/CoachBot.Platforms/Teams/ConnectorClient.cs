using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// The Bot Connector calls CoachBot needs (send, reply, update, create conversation, look up a member). The typed HttpClient's
/// <see cref="BotTokenHandler"/> adds the token; <see cref="ConnectorSendPolicy"/> paces, retries and classifies failures.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, ConnectorSendPolicy policy)
{
    public Task<ResourceResponse> SendAsync(ConnectorTarget target, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(target, activity, prepaid: null, cancellationToken);

    /// <summary>As above; <paramref name="prepaid"/> is the send's slot when its batch already reserved it (a nudge).</summary>
    public Task<ResourceResponse> SendAsync(ConnectorTarget target, Activity activity, RateSlot? prepaid, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(target, HttpMethod.Post, $"v3/conversations/{Escape(target.ConversationId)}/activities", activity, prepaid, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(ConnectorTarget target, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(target, HttpMethod.Post,
            $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(replyToId)}", activity with { ReplyToId = replyToId }, prepaid: null, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(ConnectorTarget target, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(target, HttpMethod.Put,
            $"v3/conversations/{Escape(target.ConversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, prepaid: null, cancellationToken);

    /// <summary>Opens (or finds: it is get-or-create) the 1:1 chat with a user, for a proactive message.</summary>
    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(TeamsMember member, CancellationToken cancellationToken) =>
        CreatePersonalConversationAsync(member, prepaid: null, cancellationToken);

    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(TeamsMember member, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        // Both tenantId and channelData.tenant.id: without them the Connector answers "Could not parse tenant id".
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = member.BotId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = member.UserId }),
            ["tenantId"] = member.TenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = member.TenantId } },
        };
        var target = new ConnectorTarget(member.ServiceUrl, member.TenantId, "");
        return CallAsync<ConversationResourceResponse>(target, HttpMethod.Post, "v3/conversations", body, prepaid, cancellationToken);
    }

    /// <summary>
    /// One member's profile (name, email), e.g. for the welcome: install activities carry no name. Paced per tenant but not
    /// per conversation, since it posts nothing; a 404 is a missing member, not an unreachable conversation.
    /// </summary>
    public Task<ConnectorMember> GetMemberAsync(ConnectorTarget conversation, string userId, CancellationToken cancellationToken) =>
        CallAsync<ConnectorMember>(conversation with { ConversationId = "" }, HttpMethod.Get,
            $"v3/conversations/{Escape(conversation.ConversationId)}/members/{Escape(userId)}", body: null, prepaid: null, cancellationToken);

    /// <summary>Starts a new thread in a channel with <paramref name="activity"/> as its root post.</summary>
    public Task<ConversationResourceResponse> CreateChannelThreadAsync(ConnectorTarget channel, string botId, Activity activity, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["isGroup"] = true,
            ["bot"] = new JsonObject { ["id"] = botId },
            ["tenantId"] = channel.TenantId,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channel.ConversationId },
                ["tenant"] = new JsonObject { ["id"] = channel.TenantId },
            },
            ["activity"] = JsonSerializer.SerializeToNode(activity, TeamsJson.Options),
        };
        return CallAsync<ConversationResourceResponse>(channel, HttpMethod.Post, "v3/conversations", body, prepaid: null, cancellationToken);
    }

    private async Task<T> CallAsync<T>(ConnectorTarget target, HttpMethod method, string path, object? body, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(ServiceUrlTrust.Normalize(target.ServiceUrl)), path);
        using var response = await policy.SendAsync(target, prepaid, forceRefresh =>
        {
            var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: TeamsJson.Options) };
            request.Options.Set(BotTokenHandler.ServiceUrl, target.ServiceUrl);
            request.Options.Set(BotTokenHandler.ForceRefresh, forceRefresh);
            return request;
        }, http, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, TeamsJson.Options))
            ?? JsonSerializer.Deserialize<T>("{}", TeamsJson.Options)!;
    }

    // Ids contain ':', '@' and ';' and must travel as one path segment each.
    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

using CoachBot.Coaching.Chat;

namespace CoachBot.Platforms.Slack;

/// <summary>CoachBot's sending seam for Slack. Slack errors surface as <see cref="ChatDeliveryException"/> with a classified kind.</summary>
public sealed class SlackMessenger(SlackWebClient client) : IChatMessenger
{
    // Slack stamps ts when it accepts the post, so a slightly early window tolerates clock skew.
    private static readonly TimeSpan HistorySlack = TimeSpan.FromMinutes(2);

    public ChatPlatform Platform => ChatPlatform.Slack;

    public bool CanReconcile => true;

    public Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, CancellationToken cancellationToken) =>
        SendDirectAsync(person, message, prepaid: null, cancellationToken);

    public Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, RateSlot? prepaid, CancellationToken cancellationToken) =>
        Classified(async () =>
        {
            // Posting to the user id lands in the app's DM with them; Slack opens it and answers with the D… id.
            var posted = await client.PostMessageAsync(person.WorkspaceId, person.UserId, message, threadTs: null, prepaid, cancellationToken);
            return new SentMessage(new ChatAddress(ChatPlatform.Slack, person.WorkspaceId, posted.Channel), posted.Ts);
        });

    public Task<SentMessage> PostAsync(ChatAddress conversation, CoachMessage message, CancellationToken cancellationToken) =>
        Classified(async () =>
        {
            var posted = await client.PostMessageAsync(conversation.WorkspaceId, conversation.ConversationId, message, conversation.ThreadId, cancellationToken);
            return new SentMessage(conversation with { ConversationId = posted.Channel }, posted.Ts);
        });

    public Task UpdateAsync(SentMessage sent, CoachMessage message, CancellationToken cancellationToken) =>
        Classified(async () =>
        {
            await client.UpdateMessageAsync(sent.Conversation.WorkspaceId, sent.Conversation.ConversationId, sent.MessageId, message, cancellationToken);
            return sent;
        });

    public Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Classified(async () =>
        {
            if (await client.FindDirectChannelAsync(person.WorkspaceId, person.UserId, cancellationToken) is not { } channel)
            {
                return null;
            }

            var wanted = deliveryId.ToString("D");
            await foreach (var message in client.ReadHistoryAsync(person.WorkspaceId, channel, since - HistorySlack, latest: null, cancellationToken))
            {
                var metadata = message["metadata"];
                if ((string?)metadata?["event_type"] == SlackWebClient.DeliveryEventType
                    && string.Equals((string?)metadata["event_payload"]?["delivery_id"], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return new SentMessage(new ChatAddress(ChatPlatform.Slack, person.WorkspaceId, channel), (string)message["ts"]!);
                }
            }

            return (SentMessage?)null;
        });

    private static async Task<T> Classified<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SlackApiException ex)
        {
            // Retryable failures other than 429 / a refused connection may hide a post Slack did accept.
            throw new ChatDeliveryException(SlackErrors.ToFailureKind(ex.ErrorClass, ex.Error), ex.Error, ex.RetryAfter, ex)
            {
                MayHaveArrived = ex.ErrorClass == SlackErrorClass.Retryable && !ex.NotProcessed,
            };
        }
    }
}

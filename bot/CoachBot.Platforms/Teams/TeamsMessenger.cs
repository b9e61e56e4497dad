using CoachBot.Coaching.Chat;
using Microsoft.Extensions.Logging;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Sends CoachBot messages to Teams as Adaptive Cards. Teams offers no way to read a bot's past messages back, so
/// <see cref="CanReconcile"/> is false and delivery is at-most-once: when a send's outcome is unknown (timeout after
/// the request left, 500) it fails with <see cref="UnknownOutcome"/> and must not be resent, since it may have arrived.
/// </summary>
public sealed class TeamsMessenger(ConnectorClient connector, ConversationReferenceStore references, ILogger<TeamsMessenger> logger) : IChatMessenger
{
    public const string UnknownOutcome = "unknown-outcome";

    public ChatPlatform Platform => ChatPlatform.Teams;

    public bool CanReconcile => false;

    public Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, CancellationToken cancellationToken) =>
        SendDirectAsync(person, message, prepaid: null, cancellationToken);

    public async Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        // With no stored chat the create call takes the prepaid slot, and the send itself reserves one.
        var reference = await references.FindPersonalAsync(person.WorkspaceId, person.UserId, cancellationToken)
            ?? await OpenPersonalChatAsync(person, prepaid, cancellationToken);
        if (!reference.Reachable)
        {
            throw new ChatDeliveryException(ChatFailureKind.Unreachable, "marked-unreachable");
        }

        var sent = await connector.SendAsync(ConnectorTarget.Of(reference), ToActivity(message), prepaid, cancellationToken);
        return new SentMessage(new ChatAddress(ChatPlatform.Teams, reference.TenantId, reference.ConversationId), sent.Id ?? "");
    }

    public async Task<SentMessage> PostAsync(ChatAddress conversation, CoachMessage message, CancellationToken cancellationToken)
    {
        var reference = await FindAsync(conversation, cancellationToken);
        var target = ConnectorTarget.Of(reference);
        if (conversation.ThreadId is { } thread)
        {
            var reply = await connector.SendAsync(target with { ConversationId = ThreadConversationId(conversation.ConversationId, thread) }, ToActivity(message), cancellationToken);
            return new SentMessage(conversation, reply.Id ?? "");
        }

        if (reference.ConversationType != TeamsConversationReference.Channel)
        {
            var sent = await connector.SendAsync(target, ToActivity(message), cancellationToken);
            return new SentMessage(conversation, sent.Id ?? "");
        }

        // A channel post starts its own thread; replies go to "<channel>;messageid=<root>".
        var created = await connector.CreateChannelThreadAsync(target, reference.BotId, ToActivity(message), cancellationToken);
        var root = created.ActivityId ?? created.Id?.Split(";messageid=").ElementAtOrDefault(1) ?? "";
        return new SentMessage(conversation with { ThreadId = root }, root);
    }

    public async Task UpdateAsync(SentMessage sent, CoachMessage message, CancellationToken cancellationToken)
    {
        var reference = await FindAsync(sent.Conversation, cancellationToken);
        var conversationId = sent.Conversation.ThreadId is { } thread && thread != sent.MessageId
            ? ThreadConversationId(sent.Conversation.ConversationId, thread)
            : sent.Conversation.ConversationId;
        await connector.UpdateAsync(ConnectorTarget.Of(reference) with { ConversationId = conversationId }, sent.MessageId, ToActivity(message), cancellationToken);
    }

    public Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Teams cannot list a bot's past messages; Teams deliveries are at-most-once (see TeamsMessenger).");

    public static Activity ToActivity(CoachMessage message) => new()
    {
        Type = Activity.Types.Message,
        Summary = message.Text,
        Attachments = [AdaptiveCardRenderer.ToAttachment(message)],
    };

    private async Task<TeamsConversationReference> OpenPersonalChatAsync(PersonKey person, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        var member = await references.FindMemberAsync(person.WorkspaceId, person.UserId, cancellationToken)
            ?? throw new ChatDeliveryException(ChatFailureKind.Unreachable, "not-installed"); // never seen: the app is not installed for them
        var created = await connector.CreatePersonalConversationAsync(member, prepaid, cancellationToken);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ChatDeliveryException(ChatFailureKind.Permanent, "create-conversation-returned-no-id");
        }

        var reference = new TeamsConversationReference(
            member.TenantId, created.Id, TeamsConversationReference.Personal, member.ServiceUrl, member.BotId, member.UserId, member.AadObjectId);
        await references.SaveAsync(reference, sender: null, cancellationToken);
        Log.OpenedPersonalChat(logger, member.TenantId);
        return reference;
    }

    private async Task<TeamsConversationReference> FindAsync(ChatAddress conversation, CancellationToken cancellationToken) =>
        await references.FindAsync(conversation.WorkspaceId, conversation.ConversationId, cancellationToken)
            ?? throw new ChatDeliveryException(ChatFailureKind.Permanent, "unknown-conversation");

    private static string ThreadConversationId(string channelId, string rootMessageId) => $"{channelId};messageid={rootMessageId}";
}

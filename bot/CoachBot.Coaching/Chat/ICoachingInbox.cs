namespace CoachBot.Coaching.Chat;

/// <summary>
/// The core's front door for both platforms. Every method is idempotent for a replayed request and
/// answers quickly: platforms call it after verifying and acknowledging (or within their ack budget).
/// </summary>
public interface ICoachingInbox
{
    /// <summary>First contact, install, or App Home opened: register or refresh the person, start onboarding for new reps.</summary>
    Task<InboxReply> OnConversationStartedAsync(Sender from, ChatAddress directConversation, CancellationToken cancellationToken);

    Task<InboxReply> OnMessageAsync(InboundMessage message, CancellationToken cancellationToken);

    Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken);

    Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken);

    /// <summary>Returns true when the member must be removed (a non-manager in the managers' channel) and the platform can do so.</summary>
    Task<bool> OnMemberJoinedAsync(MemberJoined joined, CancellationToken cancellationToken);

    /// <summary>The person's home view (Slack App Home tab): profile, schedule and, for managers, open escalations.</summary>
    Task<CoachMessage> GetHomeAsync(Sender from, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;

namespace CoachBot.Testing.Slack;

/// <summary>A stand-in for the coaching core: records every call and answers with replies the test sets.</summary>
public sealed class RecordingInbox : ICoachingInbox
{
    public ConcurrentQueue<InboundMessage> Messages { get; } = new();
    public ConcurrentQueue<InboundAction> Actions { get; } = new();
    public ConcurrentQueue<InboundCommand> Commands { get; } = new();
    public ConcurrentQueue<MemberJoined> Joins { get; } = new();
    public ConcurrentQueue<Sender> Started { get; } = new();
    public ConcurrentQueue<Sender> HomeRequests { get; } = new();

    public Func<InboundMessage, InboxReply> MessageReply { get; set; } = _ => InboxReply.Say("Got it.");
    public Func<InboundAction, InboxReply> ActionReply { get; set; } = _ => InboxReply.None;
    public Func<InboundCommand, InboxReply> CommandReply { get; set; } = c => InboxReply.Say($"Command: {c.Text}");
    public Func<Sender, CoachMessage> Home { get; set; } = s => CoachMessage.Plain($"Home of {s.DisplayName}");

    /// <summary>How long commands take, to push them past the ack budget.</summary>
    public TimeSpan CommandDelay { get; set; } = TimeSpan.Zero;

    public Task<InboxReply> OnConversationStartedAsync(Sender from, ChatAddress directConversation, CancellationToken cancellationToken)
    {
        Started.Enqueue(from);
        return Task.FromResult(InboxReply.None);
    }

    public Task<InboxReply> OnMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        return Task.FromResult(MessageReply(message));
    }

    public Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken)
    {
        Actions.Enqueue(action);
        return Task.FromResult(ActionReply(action));
    }

    public async Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken)
    {
        Commands.Enqueue(command);
        if (CommandDelay > TimeSpan.Zero)
        {
            await Task.Delay(CommandDelay, cancellationToken);
        }

        return CommandReply(command);
    }

    /// <summary>What the next OnMemberJoinedAsync answers: true asks the platform to remove the member.</summary>
    public bool RemoveJoiningMembers { get; set; }

    public Task<bool> OnMemberJoinedAsync(MemberJoined joined, CancellationToken cancellationToken)
    {
        Joins.Enqueue(joined);
        return Task.FromResult(RemoveJoiningMembers);
    }

    public Task<CoachMessage> GetHomeAsync(Sender from, CancellationToken cancellationToken)
    {
        HomeRequests.Enqueue(from);
        return Task.FromResult(Home(from));
    }
}

using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;

namespace CoachBot.Testing.Teams;

/// <summary>
/// A fake coaching core: records every neutral request the platform layer makes and answers with replies the
/// test sets (by default, a short text naming what was received, so replies are visible on the wire).
/// </summary>
public sealed class RecordingInbox : ICoachingInbox
{
    public ConcurrentQueue<object> Received { get; } = new();

    public Func<InboundAction, InboxReply> OnAction { get; set; } = a => InboxReply.Say($"action {a.ActionId}");

    public Func<InboundMessage, InboxReply> OnMessage { get; set; } = m => InboxReply.Say($"heard {m.Text.Length} chars");

    public Func<InboundCommand, InboxReply> OnCommand { get; set; } = c => InboxReply.Say("command");

    public Func<Sender, InboxReply> OnStarted { get; set; } = s => InboxReply.Say($"Welcome, {s.DisplayName}!");

    public IReadOnlyList<T> All<T>() => [.. Received.OfType<T>()];

    public Task<InboxReply> OnConversationStartedAsync(Sender from, ChatAddress directConversation, CancellationToken cancellationToken)
    {
        Received.Enqueue(new Started(from, directConversation));
        return Task.FromResult(OnStarted(from));
    }

    public Task<InboxReply> OnMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        return Task.FromResult(OnMessage(message));
    }

    public Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken)
    {
        Received.Enqueue(action);
        return Task.FromResult(OnAction(action));
    }

    public Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken)
    {
        Received.Enqueue(command);
        return Task.FromResult(OnCommand(command));
    }

    public Task<bool> OnMemberJoinedAsync(MemberJoined joined, CancellationToken cancellationToken)
    {
        Received.Enqueue(joined);
        return Task.FromResult(false);
    }

    public Task<CoachMessage> GetHomeAsync(Sender from, CancellationToken cancellationToken) =>
        Task.FromResult(CoachMessage.Plain("home"));

    public sealed record Started(Sender From, ChatAddress Conversation);
}

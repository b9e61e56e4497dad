using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching;

/// <summary>
/// The core's one front door: registers whoever writes, then routes to the rep conversation or the manager side.
/// Manager-ness always comes from CoachBot's own roster, never from the platform.
/// </summary>
public sealed class CoachingInbox(
    RepInbox reps,
    ManagerInbox managers,
    PersonDirectory people,
    AdminBootstrap admins,
    RosterImport roster,
    ManagerChannelSettings managerChannels,
    RepProfileStore profiles) : ICoachingInbox
{
    // Words that only mean something as manager commands; a rep typing them is refused (and audited) by the manager side.
    private static readonly HashSet<string> ManagerOnlyVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "reps", "rep", "nudge", "escalations", "ack", "resolve", "reassign", "note", "brief", "stats", "import", "managers", "keywords",
    };

    public async Task<InboxReply> OnConversationStartedAsync(Sender from, ChatAddress directConversation, CancellationToken cancellationToken)
    {
        var person = await RegisterAsync(from, cancellationToken);
        // Managers are not onboarded as reps: they get their commands instead of a style quiz.
        return person.IsManager
            ? InboxReply.Say(ManagerWelcome)
            : await reps.OnConversationStartedAsync(from, directConversation, cancellationToken);
    }

    public async Task<InboxReply> OnMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var person = await RegisterAsync(message.From, cancellationToken);
        // A manager who is not being coached themselves gets their commands, never the rep quiz, unless they ask for it.
        if (person.IsManager && !AsksForCoaching(message.Text) && await profiles.GetAsync(person.Id, cancellationToken) is null)
        {
            return await managers.OnCommandAsync(new InboundCommand(message.From, message.Conversation, message.Text), cancellationToken);
        }

        return await reps.OnMessageAsync(message, cancellationToken);
    }

    public async Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken)
    {
        var person = await RegisterAsync(command.From, cancellationToken);
        return (person.IsManager && !AsksForCoaching(command.Text)) || IsManagerCommand(command.Text)
            ? await managers.OnCommandAsync(command, cancellationToken)
            : await reps.OnCommandAsync(command, cancellationToken);
    }

    public async Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken)
    {
        await RegisterAsync(action.From, cancellationToken);
        if (action.ActionId.StartsWith(EscalationActions.Prefix, StringComparison.Ordinal))
        {
            return await managers.OnActionAsync(action, cancellationToken);
        }

        return RepInbox.HandlesAction(action.ActionId)
            ? await reps.OnActionAsync(action, cancellationToken)
            : InboxReply.None;
    }

    public async Task<bool> OnMemberJoinedAsync(MemberJoined joined, CancellationToken cancellationToken)
    {
        var verdict = await managers.OnMemberJoinedAsync(joined, cancellationToken);
        return verdict.RemoveMember;
    }

    public async Task<CoachMessage> GetHomeAsync(Sender from, CancellationToken cancellationToken)
    {
        var person = await RegisterAsync(from, cancellationToken);
        var home = person.IsManager && await profiles.GetAsync(person.Id, cancellationToken) is null
            ? new CoachMessage("CoachBot for managers", [new HeaderBlock("CoachBot for managers"), new SectionBlock(ManagerWelcome)])
            : await reps.GetHomeAsync(from, cancellationToken);
        var managerBlocks = await managers.GetHomeBlocksAsync(from, cancellationToken);
        return managerBlocks.Count == 0 ? home : home with { Blocks = [.. home.Blocks, new DividerBlock(), .. managerBlocks] };
    }

    internal const string ManagerWelcome =
        "Welcome to CoachBot. You are a manager in CoachBot's roster, so I won't coach you here: escalations from your reps arrive in the managers' channel, and `help` (or `/coach help` in Slack) lists what you can do. Type `setup` if you want coaching nudges yourself.";

    // "setup" is how anyone, a manager too, asks to be coached.
    private static bool AsksForCoaching(string text) => text.Trim().TrimStart('/').Equals("setup", StringComparison.OrdinalIgnoreCase);

    internal static bool IsManagerCommand(string text)
    {
        var trimmed = text.Trim().TrimStart('/');
        var words = trimmed.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var verb = words.FirstOrDefault() ?? "";
        // "style @sam driver" names someone else and "snooze E-4 2h" names an escalation: those are manager commands
        // even though "style" and "snooze" alone are a rep's own.
        return ManagerOnlyVerbs.Contains(verb) || trimmed.Contains("<@", StringComparison.Ordinal) || trimmed.Contains(" @", StringComparison.Ordinal)
            || (words.Length > 1 && words[1].StartsWith("E-", StringComparison.OrdinalIgnoreCase) && EscalationId.TryParse(words[1], out _));
    }

    private async Task<Person> RegisterAsync(Sender from, CancellationToken cancellationToken)
    {
        var person = await people.UpsertAsync(from, cancellationToken);
        await managerChannels.ApplyAsync(from.Key.Platform, from.Key.WorkspaceId, cancellationToken);
        await roster.ApplyPendingAsync(person.Id, cancellationToken);
        return await admins.ApplyAsync(await people.GetAsync(person.Id, cancellationToken) ?? person, cancellationToken);
    }
}

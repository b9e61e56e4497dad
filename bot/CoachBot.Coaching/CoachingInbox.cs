using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;

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
    ManagerChannelSettings managerChannels) : ICoachingInbox
{
    // Words that only mean something as manager commands; a rep typing them is refused (and audited) by the manager side.
    private static readonly HashSet<string> ManagerOnlyVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "reps", "rep", "nudge", "escalations", "ack", "resolve", "reassign", "note", "brief", "stats", "import", "managers", "keywords",
        "unreachable", "install", "crm",
    };

    public async Task<InboxReply> OnConversationStartedAsync(Sender from, ChatAddress directConversation, CancellationToken cancellationToken)
    {
        var registration = await RegisterAsync(from, toRepSide: true, cancellationToken);
        // Managers are not onboarded as reps: they get their commands instead of a style quiz.
        return registration.Person.IsManager
            ? InboxReply.Say(ManagerWelcome)
            : await reps.OnConversationStartedAsync(registration, cancellationToken);
    }

    public async Task<InboxReply> OnMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var registration = await RegisterAsync(message.From, toRepSide: true, cancellationToken);
        // A manager who is not being coached themselves gets their commands, never the rep quiz, unless they ask for it.
        if (registration.Person.IsManager && !AsksForCoaching(message.Text) && registration.Profile is null)
        {
            return await managers.OnCommandAsync(new InboundCommand(message.From, message.Conversation, message.Text), cancellationToken);
        }

        return await reps.OnMessageAsync(registration, message, cancellationToken);
    }

    public async Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken)
    {
        var managerCommand = IsManagerCommand(command.Text);
        var registration = await RegisterAsync(command.From, toRepSide: !managerCommand, cancellationToken);
        return (registration.Person.IsManager && !AsksForCoaching(command.Text)) || managerCommand
            ? await managers.OnCommandAsync(command, cancellationToken)
            : await reps.OnCommandAsync(registration, command, cancellationToken);
    }

    public async Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken)
    {
        var managerAction = action.ActionId.StartsWith(EscalationActions.Prefix, StringComparison.Ordinal);
        var registration = await RegisterAsync(action.From, toRepSide: !managerAction && RepInbox.HandlesAction(action.ActionId), cancellationToken);
        if (managerAction)
        {
            return await managers.OnActionAsync(action, cancellationToken);
        }

        return RepInbox.HandlesAction(action.ActionId)
            ? await reps.OnActionAsync(registration, action, cancellationToken)
            : InboxReply.None;
    }

    public async Task<bool> OnMemberJoinedAsync(MemberJoined joined, CancellationToken cancellationToken)
    {
        var verdict = await managers.OnMemberJoinedAsync(joined, cancellationToken);
        return verdict.RemoveMember;
    }

    public async Task<CoachMessage> GetHomeAsync(Sender from, CancellationToken cancellationToken)
    {
        var registration = await RegisterAsync(from, toRepSide: false, cancellationToken);
        var home = registration.Person.IsManager && registration.Profile is null
            ? new CoachMessage("CoachBot for managers", [new HeaderBlock("CoachBot for managers"), new SectionBlock(ManagerWelcome)])
            : await reps.GetHomeAsync(registration.Person, cancellationToken);
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

    // Once per request, in one round trip or none (see PersonDirectory.RegisterAsync). toRepSide: the request goes to the rep
    // conversation, so a new rep's profile is created in the same round trip.
    private async Task<Registration> RegisterAsync(Sender from, bool toRepSide, CancellationToken cancellationToken)
    {
        var rules = new RegistrationRules(
            managerChannels.For(from.Key.Platform), admins.IsConfiguredAdmin(from.Key.UserId, from.Email), toRepSide, OnboardingFlow.FirstStep);
        var registration = await people.RegisterAsync(from, rules, cancellationToken);
        // The configured-admin rule by an email only the database knows (the platform sent none this time): rare, one statement.
        return registration.Person.Role == PersonRole.Admin
            ? registration
            : registration with { Person = await admins.ApplyAsync(registration.Person, cancellationToken) };
    }
}

using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Privacy;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// The rep side of the conversation, shaped like <see cref="ICoachingInbox"/> so the composed inbox can delegate:
/// first contact and onboarding, commands, free-text replies (stored privately), nudge buttons, the home view.
/// </summary>
public sealed class RepInbox(
    PersonDirectory people,
    RepProfileStore profiles,
    OnboardingFlow onboarding,
    RepCommands commands,
    NudgeResponses nudges,
    EscalationOffers offers,
    PrivacyConversation privacy,
    RepReplyStore replies,
    NudgeDeliveries deliveries,
    NudgeHistory history,
    NudgeLibrary library,
    NudgeSearch search,
    RepHome home,
    GoalActionHandler goals,
    Crm.Coaching.CrmRaceActions crmRace,
    TimeProvider time,
    ILogger<RepInbox> logger)
{
    /// <summary>How long after a nudge a few words are taken as a reply to it.</summary>
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(1);

    /// <summary>Action ids this inbox answers: nudge.*, quiz.*, onboard.*, share.*, privacy.*, goal.*.</summary>
    public static bool HandlesAction(string actionId) =>
        actionId.StartsWith(NudgeActions.Prefix, StringComparison.Ordinal)
        || OnboardingFlow.Handles(actionId)
        || actionId.StartsWith(EscalationOffers.Prefix, StringComparison.Ordinal)
        || actionId.StartsWith(PrivacyConversation.Prefix, StringComparison.Ordinal)
        || actionId.StartsWith(GoalActions.Prefix, StringComparison.Ordinal)
        || actionId.StartsWith(Crm.Coaching.CrmRaceActions.Prefix, StringComparison.Ordinal);

    public async Task<InboxReply> OnConversationStartedAsync(Sender from, ChatAddress directConversation, CancellationToken cancellationToken) =>
        await OnConversationStartedAsync(await RegisterAsync(from, cancellationToken), cancellationToken);

    /// <summary>As above, for a sender the composed inbox has registered already (registration is once per request).</summary>
    public async Task<InboxReply> OnConversationStartedAsync(Registration registration, CancellationToken cancellationToken)
    {
        var (_, _, welcome) = await StartAsync(registration, cancellationToken);
        return new InboxReply(welcome);
    }

    public async Task<InboxReply> OnMessageAsync(InboundMessage message, CancellationToken cancellationToken) =>
        await OnMessageAsync(await RegisterAsync(message.From, cancellationToken), message, cancellationToken);

    public Task<InboxReply> OnMessageAsync(Registration registration, InboundMessage message, CancellationToken cancellationToken) =>
        HandleTextAsync(registration, message.Text, explicitCommand: false, cancellationToken);

    public async Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken) =>
        await OnCommandAsync(await RegisterAsync(command.From, cancellationToken), command, cancellationToken);

    public Task<InboxReply> OnCommandAsync(Registration registration, InboundCommand command, CancellationToken cancellationToken) =>
        HandleTextAsync(registration, command.Text, explicitCommand: true, cancellationToken);

    public async Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken) =>
        await OnActionAsync(await RegisterAsync(action.From, cancellationToken), action, cancellationToken);

    public async Task<InboxReply> OnActionAsync(Registration registration, InboundAction action, CancellationToken cancellationToken)
    {
        var (person, profile, welcome) = await StartAsync(registration, cancellationToken);
        if (welcome.Count > 0)
        {
            return new InboxReply(welcome);
        }

        var id = action.ActionId;
        if (id.StartsWith(NudgeActions.Prefix, StringComparison.Ordinal))
        {
            return await nudges.HandleAsync(profile, action, cancellationToken);
        }

        if (id.StartsWith(EscalationOffers.Prefix, StringComparison.Ordinal))
        {
            return await offers.HandleAsync(person.Id, action, cancellationToken);
        }

        if (id.StartsWith(PrivacyConversation.Prefix, StringComparison.Ordinal))
        {
            return await privacy.HandleAsync(person, action, cancellationToken);
        }

        if (id.StartsWith(GoalActions.Prefix, StringComparison.Ordinal))
        {
            return await goals.HandleAsync(person, profile, action, cancellationToken);
        }

        if (id.StartsWith(Crm.Coaching.CrmRaceActions.Prefix, StringComparison.Ordinal))
        {
            return await crmRace.HandleAsync(person, action, cancellationToken);
        }

        return OnboardingFlow.Handles(id) ? await onboarding.HandleAsync(profile, action, cancellationToken) : InboxReply.None;
    }

    public async Task<CoachMessage> GetHomeAsync(Sender from, CancellationToken cancellationToken) =>
        await GetHomeAsync((await people.RegisterAsync(from, RegistrationRules.None, cancellationToken)).Person, cancellationToken);

    public Task<CoachMessage> GetHomeAsync(Person person, CancellationToken cancellationToken) => home.BuildAsync(person, cancellationToken);

    private async Task<InboxReply> HandleTextAsync(Registration registration, string text, bool explicitCommand, CancellationToken cancellationToken)
    {
        var (person, profile, welcome) = await StartAsync(registration, cancellationToken);
        var parse = CommandParser.Parse(text, explicitCommand);
        // A valid command always runs; anything else may be the note the rep said they'd add for their manager.
        var reply = parse is CommandParse.Parsed
            ? await commands.RunAsync(person, profile, parse, cancellationToken)
            : await offers.TryTakeNoteAsync(person.Id, text, cancellationToken) ?? await RespondAsync(person, profile, text, parse, cancellationToken);
        return welcome.Count == 0 ? reply : reply with { Messages = [.. welcome, .. reply.Messages] };
    }

    private async Task<InboxReply> RespondAsync(Person person, RepProfile profile, string text, CommandParse parse, CancellationToken cancellationToken)
    {
        if (parse is not CommandParse.FreeText)
        {
            return await commands.RunAsync(person, profile, parse, cancellationToken);
        }

        var now = time.GetUtcNow();
        var saved = await replies.SaveAsync(person.Id, text, now, cancellationToken);
        // A reply carries no delivery id: it answers the latest nudge, so no follow-up chases it. Only the fact travels, never the words.
        if (await deliveries.MarkLatestAnsweredAsync(person.Id, cancellationToken) is { } answered)
        {
            await history.RecordResponseAsync(answered, NudgeResponse.Replied, null, now, cancellationToken);
        }

        ConversationLog.ReplyStored(logger, person.Id, saved.OriginalLength, saved.Truncated);
        var latest = (await history.RecentAsync(person.Id, 1, cancellationToken)).FirstOrDefault();
        var repliedTo = latest is not null && now - latest.SentAt <= ReplyWindow ? latest : null;
        var messages = new List<CoachMessage>();
        if (RepQuestions.IsQuestion(text))
        {
            messages.AddRange(await AnswerQuestionAsync(person, profile, text, repliedTo, cancellationToken));
        }
        else
        {
            // A few words that are no command, with no recent nudge to answer, or a lone unknown word at any time, are most likely
            // a mistyped command: they are kept like any reply, and the rep is pointed to `help` rather than only thanked.
            var pointer = CommandParser.IsLoneUnknownWord(text) || (CommandParser.IsShort(text) && !await AnswersRecentNudgeAsync(person.Id, now, cancellationToken))
                ? $" If you meant a command, I didn't recognise it. {CommandHelp.Summary}"
                : "";
            var intent = repliedTo is null ? null : library.Find(repliedTo.IntentId);
            var answer = intent is null ? StyleAcks.For(profile.Style, StyleAcks.Kind.Reply, saved.Id)
                : RepStruggles.IsStruggle(text) && intent.Help.TryGetValue(profile.Style ?? repliedTo!.Style, out var help)
                    ? CoachAnswers.Struggle(profile.Style, intent, help)
                    : CoachAnswers.Reply(profile.Style, intent);
            messages.Add(CoachMessage.Plain(answer + pointer));
        }

        if (saved.Truncated)
        {
            messages.Add(CoachMessage.Plain(
                string.Create(CultureInfo.InvariantCulture, $"Your message was {saved.OriginalLength:N0} characters; I kept the first {RepReplyStore.MaxStoredLength:N0}. Send the rest as another message if it matters.")));
        }

        return new InboxReply(messages);
    }

    // The library's best help for the question, in the rep's race; when nothing fits, the manager instead of a guess.
    private async Task<IReadOnlyList<CoachMessage>> AnswerQuestionAsync(
        Person person, RepProfile profile, string question, NudgeRecord? repliedTo, CancellationToken cancellationToken)
    {
        var style = profile.Style ?? repliedTo?.Style;
        foreach (var hit in search.Search(question, profile.Race, profile.Experience))
        {
            if (hit.Intent.Help.TryGetValue(style ?? CommunicationStyle.Driver, out var help))
            {
                return [CoachMessage.Plain(CoachAnswers.Answer(profile.Style, hit.Intent, help))];
            }
        }

        var offer = repliedTo is null ? null : await offers.OfferAsync(person.Id, repliedTo.DeliveryId, EscalationOfferStore.NeedHelp, cancellationToken);
        var answer = CoachMessage.Plain(CoachAnswers.NoAnswer(profile.Style, canOffer: offer is not null));
        return offer is null ? [answer] : [answer, offer];
    }

    private async Task<bool> AnswersRecentNudgeAsync(long personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await deliveries.LastSentAtAsync(personId, cancellationToken) is { } lastSent && now - lastSent <= ReplyWindow;

    // Registers on its own when called directly (tests, tools): a rep's profile is created in the same round trip.
    private Task<Registration> RegisterAsync(Sender from, CancellationToken cancellationToken) =>
        people.RegisterAsync(from, new RegistrationRules(CreateRepProfile: true, FirstStep: OnboardingFlow.FirstStep), cancellationToken);

    // The person's profile, and for a new rep the welcome and first setup question. Registration has normally read (or
    // created) the profile already; only someone it does not create one for (a manager asking to be coached) costs more.
    private async Task<(Person Person, RepProfile Profile, IReadOnlyList<CoachMessage> Welcome)> StartAsync(Registration registration, CancellationToken cancellationToken)
    {
        var person = registration.Person;
        if (registration.Profile is { } known)
        {
            if (!registration.ProfileCreated)
            {
                return (person, known, []);
            }

            ConversationLog.RepRegistered(logger, person.Id);
            return (person, known, OnboardingFlow.Welcome(person));
        }

        IReadOnlyList<CoachMessage> welcome = [];
        if (await profiles.CreateIfMissingAsync(person, OnboardingFlow.FirstStep, cancellationToken))
        {
            ConversationLog.RepRegistered(logger, person.Id);
            welcome = OnboardingFlow.Welcome(person);
        }

        return (person, (await profiles.GetAsync(person.Id, cancellationToken))!, welcome);
    }
}

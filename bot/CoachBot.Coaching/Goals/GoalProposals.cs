using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// A manager proposes a target (`goal @rep 5 demos weekly`); the rep gets a DM to accept it or set their own number.
/// Nothing changes on the rep's goals until they accept: a manager proposes, the rep decides.
/// </summary>
public sealed partial class GoalProposals(
    ManagerAccess access, GoalStore store, GoalCommands goals, RepProfileStore profiles, PersonDirectory people, ChatMessengers messengers,
    TimeProvider time, ILogger<GoalProposals> logger)
{
    public async Task<CommandResult> ProposeAsync(Person actor, PersonRef who, GoalRequest.Set set, CancellationToken cancellationToken)
    {
        var found = await access.ForRepAsync(actor, who, "goal", cancellationToken);
        if (found.Rep is not { } rep)
        {
            return found.Failure!;
        }

        var race = (await profiles.GetAsync(rep.Id, cancellationToken))?.Race ?? Race.Middle;
        var period = set.Period ?? RaceGoals.DefaultPeriod(race);
        if (GoalCommands.Misfit(race, set.Metric, period) is { } misfit)
        {
            return CommandResult.Error($"{rep.DisplayName} runs the {race.Label()} race. {misfit.Replace("you count", "they count", StringComparison.Ordinal).Replace("your targets", "their targets", StringComparison.Ordinal)}");
        }

        var goal = new Goal(0, set.Metric, period, set.Target, "manager", time.GetUtcNow(), null);
        var id = await store.ProposeAsync(rep.Id, actor.Id, set.Metric, period, set.Target, time.GetUtcNow(), cancellationToken);
        var value = id.ToString(CultureInfo.InvariantCulture);
        var text = $"{actor.DisplayName} proposes a goal for you: {goal.Describe()}.";
        var message = new CoachMessage(text,
        [
            new SectionBlock($"{text} It's your call: accept it, or set your own number."),
            new ActionsBlock([new ChatButton(GoalActions.Accept, "Accept", value, ButtonStyle.Primary), new ChatButton(GoalActions.Change, "Change it", value)]),
            new ContextBlock($"Or type your own, e.g. `goal {set.Target} {set.Metric.Word()} {period.Adverb()}` with the number you want."),
        ]);
        var sent = await TrySendAsync(rep, message, cancellationToken);
        return CommandResult.Say(sent
            ? $"Proposed {goal.Describe()} to {rep.DisplayName}. They'll accept it or set their own; I'll tell you which."
            : $"Proposed {goal.Describe()} to {rep.DisplayName}, but I couldn't reach them in chat; they'll see it when they next open CoachBot.", rep.Id, goal.Describe());
    }

    /// <summary>The rep's Accept or Change it on a proposal.</summary>
    public async Task<InboxReply> DecideAsync(Person rep, RepProfile profile, InboundAction action, CancellationToken cancellationToken)
    {
        var accept = action.ActionId == GoalActions.Accept;
        if (!long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await store.DecideAsync(id, rep.Id, accept ? "accepted" : "declined", time.GetUtcNow(), cancellationToken) is not { } proposal)
        {
            return InboxReply.Say("That proposal has already been answered. Type `goal` to see your goals.");
        }

        var goal = new Goal(0, proposal.Metric, proposal.Period, proposal.Target, "manager", time.GetUtcNow(), null);
        InboxReply reply;
        string toManager;
        if (accept)
        {
            reply = await goals.SetAsync(rep, profile, new GoalRequest.Set(proposal.Metric, proposal.Target, proposal.Period), "manager", cancellationToken);
            toManager = $"{rep.DisplayName} accepted your proposed goal: {goal.Describe()}.";
        }
        else
        {
            reply = InboxReply.Say($"Okay, your number, your call. Type it like `goal {proposal.Target} {proposal.Metric.Word()} {proposal.Period.Adverb()}` with the target you want.");
            toManager = $"{rep.DisplayName} would rather set their own {proposal.Metric.Word()} goal than {goal.Describe()}.";
        }

        if (proposal.ProposedBy is { } managerId && await people.GetAsync(managerId, cancellationToken) is { } manager)
        {
            await TrySendAsync(manager, CoachMessage.Plain(toManager), cancellationToken);
        }

        var decided = CoachMessage.Plain(accept ? $"✓ Accepted: {goal.Describe()}." : $"You chose your own number instead of {goal.Describe()}.");
        return action.Source is null ? reply with { Messages = [decided, .. reply.Messages] } : reply with { UpdatedSource = decided };
    }

    private async Task<bool> TrySendAsync(Person to, CoachMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await messengers.For(to.Key.Platform).SendDirectAsync(to.Key, message, cancellationToken);
            return true;
        }
        catch (ChatDeliveryException ex)
        {
            LogNotDelivered(logger, to.Id, ex.Code);
            return false;
        }
    }

    [LoggerMessage(EventId = 7501, Level = LogLevel.Warning, Message = "Could not send a goal proposal message to person {PersonId}: {Code}")]
    private static partial void LogNotDelivered(ILogger logger, long personId, string code);
}

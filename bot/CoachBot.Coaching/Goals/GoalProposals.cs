using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// The rep's side of a manager's proposal (<see cref="ProposeGoalCommand"/>): Accept sets it as their goal, Change it leaves
/// the number to them; either way the manager is told which. Nothing changes on the rep's goals until they accept.
/// </summary>
public sealed partial class GoalProposals(
    GoalStore store, GoalCommands goals, PersonDirectory people, ChatMessengers messengers, TimeProvider time, ILogger<GoalProposals> logger)
{
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

    public async Task<bool> TrySendAsync(Person to, CoachMessage message, CancellationToken cancellationToken)
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

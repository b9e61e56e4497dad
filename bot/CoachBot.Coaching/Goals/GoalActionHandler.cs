using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>The rep's goal buttons: a one-tap log on a nudge, or an answer to a manager's proposal.</summary>
public sealed class GoalActionHandler(GoalCommands goals, GoalProposals proposals)
{
    public async Task<InboxReply> HandleAsync(Person person, RepProfile profile, InboundAction action, CancellationToken cancellationToken) => action.ActionId switch
    {
        GoalActions.Log when GoalMetrics.FromDbValue(action.Value) is { } metric =>
            await goals.LogAsync(person, profile, metric, 1, GoalProgressSource.Button, cancellationToken),
        GoalActions.Accept or GoalActions.Change => await proposals.DecideAsync(person, profile, action, cancellationToken),
        _ => InboxReply.Say("That button has expired. Type `goal` to see your goals."),
    };
}

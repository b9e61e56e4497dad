using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// `goal @rep 5 demos weekly`: a manager proposes a target that fits the rep's race, and the rep gets a DM to accept it or
/// set their own number (<see cref="GoalProposals"/>). A manager proposes; the rep decides.
/// </summary>
public sealed class ProposeGoalCommand(ManagerAccess access, GoalStore store, GoalProposals proposals, RepProfileStore profiles, TimeProvider time)
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
            return CommandResult.Error($"{rep.DisplayName} runs the {race.Label()} race. {misfit.Replace("you count", "they count", StringComparison.Ordinal).Replace("your targets", "their targets", StringComparison.Ordinal).Replace("change your race with `race ", "change their race with `race @person ", StringComparison.Ordinal)}");
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
        var sent = await proposals.TrySendAsync(rep, message, cancellationToken);
        return CommandResult.Say(sent
            ? $"Proposed {goal.Describe()} to {rep.DisplayName}. They'll accept it or set their own; I'll tell you which."
            : $"Proposed {goal.Describe()} to {rep.DisplayName}, but I couldn't reach them in chat; they'll see it when they next open CoachBot.", rep.Id, goal.Describe());
    }
}

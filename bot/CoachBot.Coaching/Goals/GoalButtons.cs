using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Goals;

/// <summary>The one-tap log row added to a nudge when the rep has goals: "+1 call", "+1 demo" (pipeline is typed, it is an amount).</summary>
public sealed class GoalButtons(GoalStore store)
{
    public const string Prompt = "Log progress with one tap:";

    public async Task<IReadOnlyList<MessageBlock>> ForAsync(long personId, CancellationToken cancellationToken)
    {
        var goals = await store.GoalsAsync(personId, includeRemoved: false, cancellationToken);
        var buttons = goals.Where(g => g.Metric != GoalMetric.Pipeline)
            .Select(g => new ChatButton(GoalActions.Log, $"+1 {g.Metric.Unit(1)}", g.Metric.ToDbValue()))
            .ToList();
        return buttons.Count == 0 ? [] : [new ContextBlock(Prompt), new ActionsBlock(buttons)];
    }

    public static bool IsLogRow(MessageBlock block) =>
        block is ActionsBlock actions && actions.Buttons.Count > 0 && actions.Buttons.All(b => b.ActionId == GoalActions.Log);
}

using System.Text;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>`goal`, `goal 20 calls weekly`, `goal remove calls`, `log 3 calls` and the log button on a nudge.</summary>
public sealed class GoalCommands(GoalStore store, GoalTracker tracker, Crm.Coaching.CrmFedMetrics crmFed, TimeProvider time)
{
    public async Task<InboxReply> RunAsync(Person person, RepProfile profile, GoalRequest request, CancellationToken cancellationToken) => request switch
    {
        GoalRequest.Set set => await SetAsync(person, profile, set, "self", cancellationToken),
        GoalRequest.Remove remove => await RemoveAsync(person, remove.Metric, cancellationToken),
        _ => await ShowAsync(person, profile, cancellationToken),
    };

    public async Task<InboxReply> LogAsync(Person person, RepProfile profile, GoalMetric metric, int amount, GoalProgressSource source, CancellationToken cancellationToken)
    {
        var calendar = await tracker.CalendarAsync(person.Id, person.TimeZone, cancellationToken);
        var said = await tracker.RecordAsync(new GoalProgressEntry(person.Id, metric, amount, calendar.Today, source), calendar, profile.Style, cancellationToken);
        if (source == GoalProgressSource.Typed && await crmFed.IsFedAsync(person.Id, metric, cancellationToken))
        {
            said = [.. said, Crm.Coaching.CrmFedMetrics.TypedNote(metric)];
        }

        return InboxReply.Say(string.Join("\n", said));
    }

    /// <summary>Checks the goal fits the rep's race, then replaces any goal on that metric. <paramref name="setBy"/>: self, onboarding or manager.</summary>
    public async Task<InboxReply> SetAsync(Person person, RepProfile profile, GoalRequest.Set set, string setBy, CancellationToken cancellationToken)
    {
        var race = profile.Race;
        var period = set.Period ?? RaceGoals.DefaultPeriod(race);
        if (Misfit(race, set.Metric, period) is { } problem)
        {
            return InboxReply.Say(problem);
        }

        if (!await store.SetAsync(person.Id, set.Metric, period, set.Target, setBy, time.GetUtcNow(), cancellationToken))
        {
            return InboxReply.Say($"You already have {Goal.MaxActive} goals, the most I keep. Remove one first, e.g. `goal remove {(await FirstMetricAsync(person.Id, cancellationToken))}`.");
        }

        var goal = new Goal(0, set.Metric, period, set.Target, setBy, time.GetUtcNow(), null);
        return InboxReply.Say($"Goal set: {goal.Describe()}. Log progress with `log 2 {set.Metric.Word()}` or the +1 button on your nudges; " +
            $"I'll tell you how you're pacing halfway through each {period.Noun()}. Only you (and your manager's weekly brief) see your numbers.");
    }

    /// <summary>Why this goal doesn't fit the race, listing what does; null when it fits.</summary>
    public static string? Misfit(Race race, GoalMetric metric, GoalPeriod period)
    {
        var runner = race switch { Race.Sprint => "a sprinter", Race.Distance => "a distance runner", _ => "a middle-distance runner" };
        if (!RaceGoals.Metrics(race).Contains(metric))
        {
            return $"As {runner}, you count {RaceGoals.MetricList(race)}; {metric.Word()} isn't one of them. Try e.g. `goal {RaceGoals.Presets(race)[0].Target} {RaceGoals.Presets(race)[0].Metric.Word()} {RaceGoals.Presets(race)[0].Period.Adverb()}`, or change your race with `race sprint|middle|distance`.";
        }

        return RaceGoals.Periods(race).Contains(period) ? null
            : $"As {runner}, your targets run {RaceGoals.PeriodList(race)}, not {period.Adverb()}. Try `goal … {metric.Word()} {RaceGoals.DefaultPeriod(race).Adverb()}`.";
    }

    private async Task<InboxReply> RemoveAsync(Person person, GoalMetric? metric, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var goals = await store.GoalsAsync(person.Id, includeRemoved: false, cancellationToken);
        var removed = 0;
        foreach (var goal in goals.Where(g => metric is null || g.Metric == metric))
        {
            removed += await store.RemoveAsync(person.Id, goal.Metric, now, cancellationToken) ? 1 : 0;
        }

        return InboxReply.Say(removed == 0
            ? $"You have no {(metric is { } m ? m.Word() + " " : "")}goal to remove. {Listing(goals)}"
            : $"Removed {(metric is { } r ? $"your {r.Word()} goal" : "your goals")}. Your records and progress so far are kept; `delete my data` erases them.");
    }

    private async Task<InboxReply> ShowAsync(Person person, RepProfile profile, CancellationToken cancellationToken)
    {
        var calendar = await tracker.CalendarAsync(person.Id, person.TimeZone, cancellationToken);
        var standings = await tracker.StandingsAsync(person.Id, calendar, cancellationToken);
        if (standings.Count == 0)
        {
            var preset = RaceGoals.Presets(profile.Race)[0];
            return InboxReply.Say($"You have no goals yet. Set up to {Goal.MaxActive}, e.g. `goal {preset.Target} {preset.Metric.Word()} {preset.Period.Adverb()}`. " +
                $"For your race: {RaceGoals.MetricList(profile.Race)}, {RaceGoals.PeriodList(profile.Race)}.");
        }

        var text = new StringBuilder("Your goals:");
        foreach (var s in standings)
        {
            text.Append($"\n• {GoalWording.Progress(s.Reading)}, {s.Reading.StatusWords}");
            text.Append($" · best {s.Goal.Period.Noun()}: {s.Records.BestTotal} · run on target: {s.Records.CurrentRun} (longest {s.Records.LongestRun})");
        }

        text.Append("\nLog with `log 3 calls`; change with `goal 25 calls weekly`; `goal remove calls` drops one.");
        return InboxReply.Say(text.ToString());
    }

    private async Task<string> FirstMetricAsync(long personId, CancellationToken cancellationToken) =>
        (await store.GoalsAsync(personId, includeRemoved: false, cancellationToken)).FirstOrDefault()?.Metric.Word() ?? "calls";

    private static string Listing(IReadOnlyList<Goal> goals) =>
        goals.Count == 0 ? "You have no goals set." : "Your goals: " + string.Join(", ", goals.Select(g => g.Describe())) + ".";
}

using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>Stored values, the words a rep may type, and how each metric reads ("3 calls", "1 meeting booked").</summary>
public static class GoalMetrics
{
    private static readonly TermTable<GoalMetric> Terms = new([
        (GoalMetric.Calls, "calls", "calls", ["call", "dials", "dial", "calls made"]),
        (GoalMetric.Meetings, "meetings", "meetings booked", ["meeting", "meetings", "meeting booked", "meetings booked", "booked meetings"]),
        (GoalMetric.Demos, "demos", "demos", ["demo", "demos given", "demos run"]),
        (GoalMetric.Stakeholders, "stakeholders", "stakeholders mapped", ["stakeholder", "stakeholders", "stakeholder mapped", "contacts mapped"]),
        (GoalMetric.Proposals, "proposals", "proposals sent", ["proposal", "proposals", "proposal sent", "quotes", "quote"]),
        (GoalMetric.Pipeline, "pipeline", "pipeline added", ["pipeline", "pipe", "pipeline value"]),
        (GoalMetric.Deals, "deals", "deals closed", ["deal", "deals", "deal closed", "deals won", "closed deals", "wins", "win"]),
    ]);

    public static IReadOnlyList<GoalMetric> All { get; } = Enum.GetValues<GoalMetric>();

    public static bool TryParse(string? text, out GoalMetric metric) => Terms.TryParse(text, out metric);

    public static string ToDbValue(this GoalMetric metric) => Terms.DbValue(metric);

    public static GoalMetric? FromDbValue(string? value) => Terms.FromDb(value);

    /// <summary>The stored word, which is also what a rep types: "calls", "meetings", "pipeline".</summary>
    public static string Word(this GoalMetric metric) => Terms.DbValue(metric);

    /// <summary>"20 calls", "1 meeting booked", "5,000 pipeline added".</summary>
    public static string Count(this GoalMetric metric, int amount)
    {
        var number = amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        if (metric == GoalMetric.Pipeline)
        {
            return $"{number} pipeline added";
        }

        var label = Terms.Label(metric);
        return amount == 1 ? $"{number} {Singular(label)}" : $"{number} {label}";
    }

    /// <summary>Just the noun, for "+1 call" buttons.</summary>
    public static string Unit(this GoalMetric metric, int amount) =>
        metric == GoalMetric.Pipeline ? "pipeline" : amount == 1 ? Singular(metric.Word()) : metric.Word();

    private static string Singular(string label)
    {
        var words = label.Split(' ');
        words[0] = words[0].EndsWith('s') ? words[0][..^1] : words[0];
        return string.Join(' ', words);
    }
}

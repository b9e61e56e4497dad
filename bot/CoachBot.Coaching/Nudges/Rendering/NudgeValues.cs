using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Rendering;

/// <summary>What fills the placeholders for one rep on one day.</summary>
public sealed record NudgeValues(string FirstName, string? Goal, DayOfWeek Weekday)
{
    private const int MaxGoalLength = 80;

    /// <summary>Shown instead of {goal} when the rep has not written one.</summary>
    public const string NoGoal = "your goal for this quarter";

    public IReadOnlyDictionary<string, string> For(FocusSkill skill) => new Dictionary<string, string>
    {
        [NudgePlaceholders.FirstName] = Clean(FirstName, 40) is { Length: > 0 } name ? name : "there",
        [NudgePlaceholders.Goal] = Clean(Goal, MaxGoalLength) is { Length: > 0 } goal ? $"your goal “{goal}”" : NoGoal,
        [NudgePlaceholders.Skill] = skill.Label(),
        [NudgePlaceholders.Weekday] = Weekday.ToString(),
    };

    // Names and goals are the rep's own words: keep them on one line, short, and free of markup characters
    // so they cannot change how Slack mrkdwn or an Adaptive Card shows the rest of the message.
    private static string Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var plain = new string(text.Where(c => "<>&*_~`|“”\"".IndexOf(c) < 0).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        var oneLine = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', ' ');
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }
}

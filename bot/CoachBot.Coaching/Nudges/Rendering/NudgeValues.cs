using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Nudges.Rendering;

/// <summary>What fills the placeholders for one rep on one day.</summary>
public sealed record NudgeValues(string FirstName, string? Goal, DayOfWeek Weekday)
{
    private const int MaxDealLength = 60;

    /// <summary>The deal a deal-aware intent is about; null for every other intent.</summary>
    public Deals.DealFact? Deal { get; init; }

    private const int MaxGoalLength = 80;

    /// <summary>Shown instead of {goal} when the rep has not written one.</summary>
    public const string NoGoal = "your goal for this quarter";

    public IReadOnlyDictionary<string, string> For(FocusSkill skill)
    {
        var values = new Dictionary<string, string>
        {
            [NudgePlaceholders.FirstName] = Clean(FirstName, 40) is { Length: > 0 } name ? name : "there",
            [NudgePlaceholders.Goal] = Clean(Goal, MaxGoalLength) is { Length: > 0 } goal ? $"your goal “{goal}”" : NoGoal,
            [NudgePlaceholders.Skill] = skill.Label(),
            [NudgePlaceholders.Weekday] = Weekday.ToString(),
        };
        if (Deal is { } deal)
        {
            // Deal and stage names come from the CRM: marked as outside words, so each renderer escapes them.
            values[NudgePlaceholders.Deal] = Chat.UserText.Of(OneLine(deal.DealName, MaxDealLength) is { Length: > 0 } d ? d : "your deal").ToString();
            values[NudgePlaceholders.Stage] = Chat.UserText.Of(OneLine(deal.Stage, MaxDealLength) is { Length: > 0 } s ? s : "its stage").ToString();
            values[NudgePlaceholders.Days] = deal.Days.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values[NudgePlaceholders.Moves] = deal.Moves switch { 1 => "once", 2 => "twice", var n => $"{n} times" };
        }

        return values;
    }

    private static string OneLine(string text, int max)
    {
        var oneLine = string.Join(' ', new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)].TrimEnd() + "…";
    }

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

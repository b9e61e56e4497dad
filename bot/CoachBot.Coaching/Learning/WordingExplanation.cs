using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Learning;

/// <summary>The answer to `why`: why the rep's latest nudge was worded the way it was, from what was stored with it.</summary>
public static class WordingExplanation
{
    public static string For(NudgeRecord? latest, CommunicationStyle? declared, string styleSource, StyleEvidence evidence, SendTimeEvidence times)
    {
        if (latest is null)
        {
            return "You haven't had a nudge yet. When you do, `why` tells you why it was worded that way.";
        }

        var style = latest.Style;
        var lines = new List<string>();
        switch (latest.Reason ?? (latest.StyleAssumed ? StyleReason.Assumed : StyleReason.Declared))
        {
            case StyleReason.Chosen:
                lines.Add($"Your last nudge was worded for {style}, the style you picked yourself. I keep to it: every nudge is {style}.");
                break;
            case StyleReason.Assumed:
                lines.Add($"Your last nudge used the gentle default wording ({style}) because I don't know your style yet. Type `setup` for the short quiz, or `style` to pick one.");
                break;
            case StyleReason.Explored:
                lines.Add($"Your last nudge tried {style} wording. Your style is still {Name(declared)}: at most one nudge in {StyleLearner.ExplorationWindow} tries another style, so I learn what you answer.");
                lines.Add($"Say `style {Name(declared).ToLowerInvariant()}` to keep every nudge {Name(declared)}.");
                break;
            default:
                lines.Add($"Your last nudge was worded for {style}, your style{(styleSource == "manager" ? " as your manager set it" : " from the quiz")}.");
                break;
        }

        if (Record(evidence, declared ?? style, style) is { } record)
        {
            lines.Add(record);
        }

        if (times.Describe() is { } timing)
        {
            lines.Add(timing + " Change your send time with `schedule`.");
        }

        return string.Join("\n", lines);
    }

    /// <summary>"You answer 4 of 5 Analytical nudges and 2 of 5 Driver ones": the rep's own style first, then any trials.</summary>
    private static string? Record(StyleEvidence evidence, CommunicationStyle home, CommunicationStyle latest)
    {
        var shown = evidence.Tallies.Where(t => t.Decided > 0)
            .OrderByDescending(t => t.Style == latest).ThenByDescending(t => t.Style == home).ThenByDescending(t => t.Decided)
            .Take(3).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var phrases = shown.Select(t => t.Describe()).ToList();
        var joined = phrases.Count == 1 ? phrases[0] : $"{string.Join(", ", phrases.Take(phrases.Count - 1))} and {phrases[^1]}";
        return $"So far you answer {joined} (done, rated 4+ or answered the same working day).";
    }

    private static string Name(CommunicationStyle? style) => style?.ToString() ?? "not set";
}

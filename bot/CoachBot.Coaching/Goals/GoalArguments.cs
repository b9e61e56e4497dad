using System.Globalization;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// Reads `goal 20 calls weekly`, `goal remove calls`, `log 3 calls` and the way people say it ("booked 2 meetings",
/// "sent 1 proposal", "added 5k pipeline"). Pure; a null answer means "not a goal command at all".
/// </summary>
public static class GoalArguments
{
    public const string Usage =
        "Try `goal 20 calls weekly`, `goal remove calls`, or `goal` to see yours. Metrics: calls, meetings, demos, stakeholders, proposals, pipeline, deals. Periods: daily, weekly, monthly, quarterly.";

    public const string LogUsage = "Try `log 3 calls`, `booked 2 meetings`, `sent 1 proposal` or `added 5k pipeline`. Metrics: calls, meetings, demos, stakeholders, proposals, pipeline, deals.";

    /// <summary>Words that log progress when a number follows them, and the metric they imply when none is named.</summary>
    public static readonly IReadOnlyDictionary<string, GoalMetric?> LogVerbs = new Dictionary<string, GoalMetric?>
    {
        ["log"] = null, ["logged"] = null, ["booked"] = GoalMetric.Meetings, ["made"] = GoalMetric.Calls, ["did"] = null, ["ran"] = GoalMetric.Demos,
        ["gave"] = GoalMetric.Demos, ["mapped"] = GoalMetric.Stakeholders, ["sent"] = GoalMetric.Proposals, ["added"] = GoalMetric.Pipeline,
        ["closed"] = GoalMetric.Deals, ["won"] = GoalMetric.Deals,
    };

    private static readonly HashSet<string> Filler = ["to", "of", "more", "new", "a", "an", "my", "in", "the", "today", "+"];

    private static readonly HashSet<string> RemoveWords = ["remove", "delete", "drop", "clear", "stop"];

    public sealed record Parsed(GoalRequest? Goal, (GoalMetric Metric, int Amount)? Log, string? Problem);

    public static Parsed Goal(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new(new GoalRequest.Show(), null, null);
        }

        if (RemoveWords.Contains(args[0]))
        {
            var rest = args.Skip(1).Where(w => !Filler.Contains(w)).ToList();
            return rest is [] or ["all"] ? new(new GoalRequest.Remove(null), null, null)
                : GoalMetrics.TryParse(string.Join(' ', rest), out var removed) ? new(new GoalRequest.Remove(removed), null, null)
                : Problem($"\"{Shorten(rest)}\" is not a metric I track. {Usage}");
        }

        if (!TryAmount(args[0], out var target))
        {
            return Problem($"Start with the number. {Usage}");
        }

        var words = args.Skip(1).Where(w => !Filler.Contains(w)).ToList();
        GoalPeriod? period = null;
        foreach (var take in new[] { 2, 1 })
        {
            if (words.Count > take && GoalPeriods.TryParse(string.Join(' ', words[^take..]), out var p))
            {
                period = p;
                words = words[..^take];
                break;
            }
        }

        // "goal 20 calls per week": "per" alone is left over once "week" is read.
        if (words.Count > 1 && words[^1] is "per" or "each" or "every" or "a")
        {
            words = words[..^1];
        }

        return words.Count == 0 ? Problem($"Say what to count. {Usage}")
            : GoalMetrics.TryParse(string.Join(' ', words), out var metric) ? new(new GoalRequest.Set(metric, target, period), null, null)
            : Problem($"\"{Shorten(words)}\" is not a metric I track. {Usage}");
    }

    /// <summary>`log 3 calls` or "booked 2 meetings"; null when the words after the verb are no amount (a reply like "booked it").</summary>
    public static Parsed? Log(string verb, IReadOnlyList<string> args)
    {
        if (!LogVerbs.TryGetValue(verb, out var implied) || args.Count == 0 || !TryAmount(args[0], out var amount))
        {
            return verb is "log" ? Problem($"Say how many of what. {LogUsage}") : null;
        }

        var words = args.Skip(1).Where(w => !Filler.Contains(w)).ToList();
        if (words.Count == 0)
        {
            return implied is { } only ? new(null, (only, amount), null) : Problem($"Say what to count. {LogUsage}");
        }

        // "booked 2 meetings", "booked 2 demos": the named metric wins over the verb's.
        var phrase = string.Join(' ', words);
        return GoalMetrics.TryParse(phrase, out var metric)
            ? new(null, (metric, amount), null)
            : verb is "log" ? Problem($"\"{Shorten(words)}\" is not a metric I track. {LogUsage}") : null;
    }

    /// <summary>"20", "5,000", "5k", "1.5k", "2m".</summary>
    public static bool TryAmount(string text, out int amount)
    {
        amount = 0;
        var t = text.Trim().TrimStart('+').Replace(",", "", StringComparison.Ordinal).ToLowerInvariant();
        var scale = t.EndsWith('k') ? 1_000m : t.EndsWith('m') ? 1_000_000m : 1m;
        t = scale == 1m ? t : t[..^1];
        if (t.Length == 0 || !t.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        value *= scale;
        if (value < 1 || value > GoalProgressEntry.MaxAmount || value != decimal.Truncate(value))
        {
            return false;
        }

        amount = (int)value;
        return true;
    }

    private static Parsed Problem(string message) => new(null, null, message);

    // The rep's own words, echoed: escaped by every renderer.
    private static Chat.UserText Shorten(IEnumerable<string> words)
    {
        var text = string.Join(' ', words);
        return new(text.Length <= 30 ? text : text[..30] + "…");
    }
}

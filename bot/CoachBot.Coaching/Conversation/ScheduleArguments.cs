using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Conversation;

/// <summary>`schedule [days] [time]`: "mon-fri 09:30", "tue,thu 14:00", "weekdays", "10:00".</summary>
internal static partial class ScheduleArguments
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public const string Options =
        "Use `schedule [days] [time]`, e.g. `schedule mon-fri 09:30` or `schedule tue,thu 14:00`. " +
        "Days: mon … sun, ranges like mon-fri, lists like tue,thu, or weekdays / every day. Time: 24-hour HH:MM (00:00–23:59).";

    public static CommandParse Parse(string[] args)
    {
        TimeOnly? time = null;
        var dayWords = new List<string>();
        foreach (var arg in args)
        {
            if (arg.Contains(':'))
            {
                if (time is not null || !TryParseTime(arg, out var parsed))
                {
                    return new CommandParse.Rejected(Options);
                }

                time = parsed;
            }
            else
            {
                dayWords.Add(arg);
            }
        }

        IReadOnlyList<int>? days = null;
        if (dayWords.Count > 0)
        {
            days = ParseDays(string.Join(',', dayWords));
            if (days is null)
            {
                return new CommandParse.Rejected(Options);
            }
        }

        return new CommandParse.Parsed(new RepCommand.Schedule(days, time));
    }

    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static List<int>? ParseDays(string text)
    {
        var days = new SortedSet<int>();
        var parts = text.Replace("every,day", "everyday", StringComparison.Ordinal).Replace('–', '-')
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            switch (part)
            {
                case "weekdays":
                    days.UnionWith([1, 2, 3, 4, 5]);
                    continue;
                case "daily" or "everyday":
                    days.UnionWith([1, 2, 3, 4, 5, 6, 7]);
                    continue;
            }

            var range = part.Split('-');
            if (range.Length is < 1 or > 2 || range.Select(Day).Any(d => d == 0))
            {
                return null;
            }

            // Ranges may wrap over the weekend ("fri-mon").
            var (from, to) = (Day(range[0]), Day(range[^1]));
            for (var d = from; ; d = d % 7 + 1)
            {
                days.Add(d);
                if (d == to)
                {
                    break;
                }
            }
        }

        return days.Count > 0 ? days.ToList() : null;
    }

    // 0 = not a day. Accepts "mon", "monday", "mondays".
    private static int Day(string word)
    {
        var stem = word.Length >= 3 ? word[..3] : word;
        var index = Array.IndexOf(DayNames, stem);
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)((index + 1) % 7)).ToLowerInvariant();
        return index >= 0 && (word == stem || word == full || word == full + "s") ? index + 1 : 0;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})$")]
    private static partial Regex TimePattern();
}

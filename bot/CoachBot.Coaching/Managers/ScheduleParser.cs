using System.Globalization;
using static CoachBot.Coaching.Managers.ManagerCommand;

namespace CoachBot.Coaching.Managers;

/// <summary>Parses "schedule @person 09:30[,14:00] [mon-fri|mon,wed,fri|weekdays]": times and days are read from the end.</summary>
internal static class ScheduleParser
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static ManagerCommand Parse(List<string> args)
    {
        IReadOnlyList<int>? days = null;
        var times = new List<TimeOnly>();
        var end = args.Count;
        if (end > 1 && TryDays(args[end - 1], out var parsedDays))
        {
            days = parsedDays;
            end--;
        }

        while (end > 1 && TryTimes(args[end - 1], out var parsedTimes))
        {
            times.InsertRange(0, parsedTimes);
            end--;
        }

        if (times.Count == 0)
        {
            return ManagerCommandParser.Bad("schedule", args.Count < 2 ? "Missing arguments." : "Give at least one send time as HH:mm.");
        }

        var distinct = times.Distinct().Order().ToList();
        return distinct.Count > 4
            ? ManagerCommandParser.Bad("schedule", "At most 4 send times a day.")
            : ManagerCommandParser.WithPerson("schedule", args[..end], p => new SetSchedule(p, distinct, days));
    }

    public static bool TryTimes(string token, out List<TimeOnly> times)
    {
        times = [];
        foreach (var part in token.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TimeOnly.TryParseExact(part, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return false;
            }

            times.Add(time);
        }

        return times.Count > 0;
    }

    public static bool TryDays(string token, out IReadOnlyList<int> days)
    {
        var text = token.ToLowerInvariant();
        days = text switch
        {
            "weekdays" => [1, 2, 3, 4, 5],
            "everyday" or "daily" => [1, 2, 3, 4, 5, 6, 7],
            _ => [],
        };
        if (days.Count > 0)
        {
            return true;
        }

        var result = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            var from = Array.IndexOf(DayNames, range[0]) + 1;
            var to = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) + 1 : from;
            if (range.Length > 2 || from == 0 || to == 0 || to < from)
            {
                return false;
            }

            for (var d = from; d <= to; d++)
            {
                result.Add(d);
            }
        }

        days = result.ToList();
        return days.Count > 0;
    }
}

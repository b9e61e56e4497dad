using System.Globalization;

namespace CoachBot.Coaching.Scheduling;

/// <summary>
/// The rep's real rhythm in words, from the same rules the dispatcher uses (<see cref="DayRules"/>): a distance rep
/// nudged once a week must not read "Mon–Fri".
/// </summary>
public static class CadenceText
{
    private static readonly string[] Names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static string Describe(RepSchedule schedule)
    {
        var working = schedule.WorkingDays.Distinct().Order().ToList();
        var times = string.Join(" and ", schedule.SendTimes.Distinct().Order().Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture)));
        if (working.Count == 0 || schedule.SendTimes.Count == 0)
        {
            return "no nudge days set (type e.g. `schedule mon-fri 09:30`)";
        }

        return schedule.EffectiveCadence switch
        {
            Cadence.Daily => $"every working day ({Days(working)}) at {times}",
            Cadence.ThreeWeekly when working.Count <= 3 => $"{Count(working.Count)} a week ({Days(working)}) at {times}",
            Cadence.ThreeWeekly => $"three times a week ({Days([working[0], working[working.Count / 2], working[^1]])}) at {times}",
            _ => $"once a week, on your first working day of the week ({Days([working[0]])}, or the next working day after a holiday) at {times}",
        };
    }

    // "Mon–Fri" for a run of three or more, otherwise a list: "Mon, Wed, Fri".
    public static string Days(IReadOnlyList<int> isoDays)
    {
        var days = isoDays.Distinct().Order().ToList();
        var isRun = days.Count >= 3 && days[^1] - days[0] == days.Count - 1;
        return isRun ? $"{Names[days[0] - 1]}–{Names[days[^1] - 1]}" : string.Join(", ", days.Select(d => Names[d - 1]));
    }

    private static string Count(int n) => n switch { 1 => "once", 2 => "twice", _ => "three times" };
}

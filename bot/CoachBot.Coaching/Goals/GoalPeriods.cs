using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>Parsing, wording and the calendar maths of <see cref="GoalPeriod"/>.</summary>
public static class GoalPeriods
{
    private static readonly TermTable<GoalPeriod> Terms = new([
        (GoalPeriod.Day, "day", "daily", ["day", "a day", "per day", "each day", "every day", "today"]),
        (GoalPeriod.Week, "week", "weekly", ["week", "a week", "per week", "each week", "every week", "this week", "wk"]),
        (GoalPeriod.Month, "month", "monthly", ["month", "a month", "per month", "each month", "every month", "this month"]),
        (GoalPeriod.Quarter, "quarter", "quarterly", ["quarter", "a quarter", "per quarter", "each quarter", "every quarter", "this quarter", "q"]),
    ]);

    public static bool TryParse(string? text, out GoalPeriod period) => Terms.TryParse(text, out period);

    public static string ToDbValue(this GoalPeriod period) => Terms.DbValue(period);

    public static GoalPeriod? FromDbValue(string? value) => Terms.FromDb(value);

    /// <summary>"daily", "weekly", …</summary>
    public static string Adverb(this GoalPeriod period) => Terms.Label(period);

    /// <summary>"day", "week", …</summary>
    public static string Noun(this GoalPeriod period) => Terms.DbValue(period);

    public static GoalWindow WindowOf(this GoalPeriod period, DateOnly day)
    {
        switch (period)
        {
            case GoalPeriod.Day:
                return new(day, day.AddDays(1));
            case GoalPeriod.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new(monday, monday.AddDays(7));
            case GoalPeriod.Month:
                var first = new DateOnly(day.Year, day.Month, 1);
                return new(first, first.AddMonths(1));
            default:
                var quarter = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
                return new(quarter, quarter.AddMonths(3));
        }
    }

    public static GoalWindow Previous(this GoalPeriod period, GoalWindow window) => period.WindowOf(window.Start.AddDays(-1));

    /// <summary>Every window from the one holding <paramref name="from"/> up to and including the one holding <paramref name="to"/>, oldest first.</summary>
    public static IReadOnlyList<GoalWindow> WindowsBetween(this GoalPeriod period, DateOnly from, DateOnly to, int max = 400)
    {
        var windows = new List<GoalWindow>();
        for (var window = period.WindowOf(to); window.End > from && windows.Count < max; window = period.Previous(window))
        {
            windows.Add(window);
        }

        windows.Reverse();
        return windows;
    }
}

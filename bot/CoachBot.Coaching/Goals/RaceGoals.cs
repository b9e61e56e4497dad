using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Goals;

/// <summary>
/// Which targets fit which race. A sprinter counts activity by the day or week; a distance runner counts outcomes by the
/// month or quarter; a middle-distance rep sits between, counting by the week or month.
/// </summary>
public static class RaceGoals
{
    public static IReadOnlyList<GoalMetric> Metrics(Race race) => race switch
    {
        Race.Sprint => [GoalMetric.Calls, GoalMetric.Meetings, GoalMetric.Demos],
        Race.Distance => [GoalMetric.Stakeholders, GoalMetric.Proposals, GoalMetric.Pipeline, GoalMetric.Deals],
        _ => [GoalMetric.Meetings, GoalMetric.Demos, GoalMetric.Stakeholders, GoalMetric.Proposals, GoalMetric.Pipeline, GoalMetric.Deals],
    };

    public static IReadOnlyList<GoalPeriod> Periods(Race race) => race switch
    {
        Race.Sprint => [GoalPeriod.Day, GoalPeriod.Week],
        Race.Distance => [GoalPeriod.Month, GoalPeriod.Quarter],
        _ => [GoalPeriod.Week, GoalPeriod.Month],
    };

    public static GoalPeriod DefaultPeriod(Race race) => Periods(race)[race == Race.Sprint ? 1 : 0];

    /// <summary>One-tap targets offered during setup: a sensible first number for the race, never a quota.</summary>
    public static IReadOnlyList<(GoalMetric Metric, int Target, GoalPeriod Period)> Presets(Race race) => race switch
    {
        Race.Sprint => [(GoalMetric.Calls, 20, GoalPeriod.Week), (GoalMetric.Meetings, 5, GoalPeriod.Week), (GoalMetric.Demos, 3, GoalPeriod.Week)],
        Race.Distance => [(GoalMetric.Stakeholders, 6, GoalPeriod.Month), (GoalMetric.Proposals, 2, GoalPeriod.Month), (GoalMetric.Deals, 1, GoalPeriod.Quarter)],
        _ => [(GoalMetric.Meetings, 4, GoalPeriod.Week), (GoalMetric.Demos, 2, GoalPeriod.Week), (GoalMetric.Proposals, 3, GoalPeriod.Month)],
    };

    public static string MetricList(Race race) => string.Join(", ", Metrics(race).Select(m => m.Word()));

    public static string PeriodList(Race race) => string.Join(" or ", Periods(race).Select(p => p.Adverb()));
}

using CoachBot.Coaching.Goals;

namespace CoachBot.Coaching.Tests.Goals;

public sealed class GoalPeriodsTests
{
    [Theory]
    [InlineData(GoalPeriod.Day, "2026-03-05", "2026-03-05", "2026-03-06")]
    [InlineData(GoalPeriod.Week, "2026-03-05", "2026-03-02", "2026-03-09")] // a Thursday: the ISO week starts Monday
    [InlineData(GoalPeriod.Week, "2026-03-08", "2026-03-02", "2026-03-09")] // Sunday still belongs to Monday's week
    [InlineData(GoalPeriod.Month, "2026-02-28", "2026-02-01", "2026-03-01")]
    [InlineData(GoalPeriod.Quarter, "2026-05-31", "2026-04-01", "2026-07-01")]
    [InlineData(GoalPeriod.Quarter, "2026-12-31", "2026-10-01", "2027-01-01")]
    public void AWindowHoldsTheDayAndEndsWhereTheNextBegins(GoalPeriod period, string day, string start, string end)
    {
        var window = period.WindowOf(DateOnly.Parse(day));

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (window.Start, window.End));
        Assert.True(window.Contains(DateOnly.Parse(day)));
        Assert.Equal(window.End, period.WindowOf(window.End).Start);
    }

    [Fact]
    public void WindowsBetweenListsEveryWeekOldestFirst()
    {
        var windows = GoalPeriod.Week.WindowsBetween(DateOnly.Parse("2026-03-04"), DateOnly.Parse("2026-03-24"));

        Assert.Equal(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"], windows.Select(w => w.Start.ToString("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("weekly", GoalPeriod.Week)]
    [InlineData("a week", GoalPeriod.Week)]
    [InlineData("per day", GoalPeriod.Day)]
    [InlineData("Monthly", GoalPeriod.Month)]
    [InlineData("quarter", GoalPeriod.Quarter)]
    public void ReadsThePeriodTheWayPeopleSayIt(string text, GoalPeriod expected)
    {
        Assert.True(GoalPeriods.TryParse(text, out var period));
        Assert.Equal(expected, period);
    }
}

using CoachBot.Coaching.Goals;

namespace CoachBot.Coaching.Tests.Goals;

public sealed class GoalRecordsTests
{
    private static readonly DateOnly FirstMonday = new(2026, 3, 2);

    // One week per entry: (total, excused); the target is 20 throughout.
    private static List<PeriodResult> Weeks(params (int Total, bool Excused)[] weeks) =>
        weeks.Select((w, i) => new PeriodResult(GoalPeriod.Week.WindowOf(FirstMonday.AddDays(7 * i)), w.Total, 20, w.Excused)).ToList();

    private static GoalWindow WeekNumber(int i) => GoalPeriod.Week.WindowOf(FirstMonday.AddDays(7 * i));

    [Fact]
    public void AMissedWeekBreaksTheRunButNotTheRecord()
    {
        var book = GoalRecords.Calculate(Weeks((21, false), (22, false), (25, false), (10, false), (20, false)), WeekNumber(5));

        Assert.Equal((1, 3), (book.CurrentRun, book.LongestRun));
        Assert.Equal(25, book.BestTotal);
        Assert.Equal(WeekNumber(2), book.BestWindow);
    }

    [Fact]
    public void APausedOrHolidayWeekIsSkippedNotFailed()
    {
        // Week 3 (a vacation) is far short of target, yet the run goes on through it.
        var book = GoalRecords.Calculate(Weeks((21, false), (22, false), (3, true), (20, false)), WeekNumber(4));

        Assert.Equal((3, 3), (book.CurrentRun, book.LongestRun));
    }

    [Fact]
    public void WithoutTheExcuseTheSameWeekWouldHaveBrokenTheRun()
    {
        var book = GoalRecords.Calculate(Weeks((21, false), (22, false), (3, false), (20, false)), WeekNumber(4));

        Assert.Equal((1, 2), (book.CurrentRun, book.LongestRun));
    }

    [Fact]
    public void TheWeekStillBeingRunNeverBreaksTheRun()
    {
        var weeks = Weeks((21, false), (22, false), (4, false));

        var book = GoalRecords.Calculate(weeks, weeks[^1].Window);

        Assert.Equal((2, 2), (book.CurrentRun, book.LongestRun));
    }

    [Fact]
    public void ThePreviousBestAndRunLeaveTheCurrentWeekOutSoANewRecordCanBeSeen()
    {
        var weeks = Weeks((21, false), (10, false), (20, false), (24, false), (26, false));

        var book = GoalRecords.Calculate(weeks, weeks[^1].Window);

        Assert.Equal((24, 26), (book.PreviousBest, book.BestTotal));
        Assert.Equal((2, 3), (book.PreviousLongestRun, book.LongestRun));
    }

    [Fact]
    public void WeeksBeforeTheGoalExistedCountForBestTotalsButNotForRuns()
    {
        var weeks = new List<PeriodResult>
        {
            new(WeekNumber(0), 30, null, false),
            new(WeekNumber(1), 5, 20, false),
            new(WeekNumber(2), 21, 20, false),
        };

        var book = GoalRecords.Calculate(weeks, WeekNumber(3));

        Assert.Equal((30, 1, 1), (book.BestTotal, book.CurrentRun, book.LongestRun));
    }
}

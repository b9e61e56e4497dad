using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Goals;

public sealed class PaceTests
{
    private static readonly GoalWindow Week = GoalPeriod.Week.WindowOf(new DateOnly(2026, 3, 2));

    [Fact]
    public void ThursdayMorningIsThreeFifthsOfAMondayToFridayWeek()
    {
        var elapsed = WorkingCalendar.MondayToFriday.ElapsedFraction(Week, new DateTime(2026, 3, 5, 9, 0, 0));

        Assert.Equal(0.6, elapsed, 3);
    }

    [Fact]
    public void AHolidayIsNotWorkingTimeSoTheWeekLeftIsMeasuredWithoutIt()
    {
        var wednesdayOff = new WorkingCalendar(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Wednesday), new(9, 0), new(17, 0));

        // Monday and Tuesday done, Wednesday off: half of the four working days have gone.
        Assert.Equal(0.5, wednesdayOff.ElapsedFraction(Week, new DateTime(2026, 3, 4, 15, 0, 0)), 3);
    }

    [Fact]
    public void HalfAWorkingDayIsHalfADailyGoalsPeriod()
    {
        var day = GoalPeriod.Day.WindowOf(new DateOnly(2026, 3, 3));
        var calendar = new WorkingCalendar(_ => true, new(9, 0), new(17, 0));

        Assert.Equal(0.5, calendar.ElapsedFraction(day, new DateTime(2026, 3, 3, 13, 0, 0)), 3);
        Assert.Equal(0, calendar.ElapsedFraction(day, new DateTime(2026, 3, 3, 7, 0, 0)));
        Assert.Equal(1, calendar.ElapsedFraction(day, new DateTime(2026, 3, 3, 20, 0, 0)));
    }

    [Theory]
    [InlineData(12, 0.6, PaceStatus.OnPace)]
    [InlineData(11, 0.6, PaceStatus.OnPace)]   // 55 % at 60 %: within a tenth of the clock
    [InlineData(9, 0.6, PaceStatus.Behind)]
    [InlineData(17, 0.5, PaceStatus.Ahead)]
    [InlineData(20, 0.4, PaceStatus.Hit)]
    public void PaceComparesWhatIsDoneWithHowMuchOfThePeriodHasGone(int done, double elapsed, PaceStatus expected)
    {
        Assert.Equal(expected, new PaceReading(GoalMetric.Calls, GoalPeriod.Week, done, 20, elapsed).Status);
    }

    [Theory]
    [InlineData(CommunicationStyle.Driver, "Calls: 12/20, 60 % with 40 % of the week left: on pace. 8 calls to go.")]
    [InlineData(CommunicationStyle.Analytical, "Midpoint reading, calls: 12/20 = 60 % with 40 % of the week left: on pace.")]
    [InlineData(CommunicationStyle.Expressive, "Halfway check on your calls! 60 % with 40 % of the week left: on pace.")]
    [InlineData(CommunicationStyle.Amiable, "A quick check-in on your calls: 60 % with 40 % of the week left: on pace.")]
    public void TheRepHearsTheirPaceInTheirOwnStyle(CommunicationStyle style, string expectedStart)
    {
        var text = GoalWording.Pace(style, new PaceReading(GoalMetric.Calls, GoalPeriod.Week, 12, 20, 0.6));

        Assert.StartsWith(expectedStart, text);
    }

    [Fact]
    public void EachStyleWordsBeingBehindDifferentlyButAllGiveTheGap()
    {
        var behind = new PaceReading(GoalMetric.Demos, GoalPeriod.Week, 1, 5, 0.6);

        var texts = Enum.GetValues<CommunicationStyle>().Select(s => GoalWording.Pace(s, behind)).ToList();

        Assert.Equal(4, texts.Distinct().Count());
        Assert.All(texts, t => Assert.Contains("behind pace", t));
        Assert.All(texts.Where(t => !t.StartsWith("Midpoint", StringComparison.Ordinal)), t => Assert.Contains("4 demos", t));
    }

    [Fact]
    public void AMissedTargetAfterTheLastWorkingDayIsShortNotBehindPace()
    {
        var over = new PaceReading(GoalMetric.Calls, GoalPeriod.Week, 0, 10, 1.0);

        Assert.True(over.Closed);
        Assert.Equal("short of target, with the week's working days done", over.StatusWords);
        Assert.Equal("behind pace", new PaceReading(GoalMetric.Calls, GoalPeriod.Week, 0, 10, 0.99).StatusWords);
    }
}

using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class StreakCalculatorTests
{
    // 2026-11-02 is a Monday.
    private static DateOnly Day(int dayOfNovember) => new(2026, 11, dayOfNovember);

    // Days with a positive number were answered, negative ones sent and left unanswered.
    private static StreakCalculator.Streaks Calculate(int today, int[] sent, int[]? excused = null) =>
        StreakCalculator.Calculate(new StreakCalculator.Input(
            sent.Select(d => new StreakCalculator.SentNudge(Day(Math.Abs(d)), d > 0)).ToList(),
            (excused ?? []).Select(Day).ToHashSet(),
            Day(today)));

    [Fact]
    public void ConsecutiveAnsweredNudgesBuildAStreak()
    {
        var streaks = Calculate(today: 5, sent: [2, 3, 4, 5]);

        Assert.Equal(new StreakCalculator.Streaks(4, 4), streaks);
    }

    [Fact]
    public void DaysWithoutANudgeDoNotBreakAStreak()
    {
        // A distance rep nudged once a week: four answered Mondays in a row.
        var streaks = Calculate(today: 24, sent: [2, 9, 16, 23]);

        Assert.Equal(new StreakCalculator.Streaks(4, 4), streaks);
    }

    [Fact]
    public void AThreePerWeekCadenceKeepsItsStreakAcrossTheGaps()
    {
        var streaks = Calculate(today: 13, sent: [2, 4, 6, 9, 11, 13]);

        Assert.Equal(6, streaks.Current);
    }

    [Fact]
    public void AMissedNudgeBreaksTheStreakButKeepsThePersonalBest()
    {
        var streaks = Calculate(today: 12, sent: [2, 3, 4, -5, 6, 11, 12]);

        Assert.Equal(new StreakCalculator.Streaks(3, 3), streaks);
    }

    [Fact]
    public void UnansweredNudgesOnPausedHolidayOrVacationDaysDoNotBreakAStreak()
    {
        // Wed 4 paused, Thu 5 a public holiday, Mon 9 on vacation: nudges that still went out then are neutral.
        var streaks = Calculate(today: 11, sent: [2, 3, -4, -5, 6, -9, 11], excused: [4, 5, 9, 10]);

        Assert.Equal(4, streaks.Current);
    }

    [Fact]
    public void TodaysNudgeWithoutAnAnswerYetDoesNotBreakTheStreak()
    {
        var streaks = Calculate(today: 6, sent: [3, 4, 5, -6]);

        Assert.Equal(3, streaks.Current);
    }

    [Fact]
    public void AnEarlierNudgeLeftUnansweredEndsTheCurrentStreak()
    {
        var streaks = Calculate(today: 6, sent: [2, 3, 4, -5]);

        Assert.Equal(new StreakCalculator.Streaks(0, 3), streaks);
    }

    [Fact]
    public void NoNudgesMeansNoStreak()
    {
        Assert.Equal(new StreakCalculator.Streaks(0, 0), Calculate(today: 6, sent: []));
    }

    [Fact]
    public void FutureNudgesAreIgnored()
    {
        Assert.Equal(new StreakCalculator.Streaks(0, 0), Calculate(today: 2, sent: [9]));
    }
}

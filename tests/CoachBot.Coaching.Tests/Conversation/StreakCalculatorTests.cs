using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class StreakCalculatorTests
{
    private static readonly HashSet<int> MondayToFriday = [1, 2, 3, 4, 5];

    // 2026-11-02 is a Monday.
    private static DateOnly Day(int dayOfNovember) => new(2026, 11, dayOfNovember);

    private static StreakCalculator.Streaks Calculate(int today, int[] active, int[]? excused = null, HashSet<int>? workingDays = null) =>
        StreakCalculator.Calculate(new StreakCalculator.Input(
            active.Select(Day).ToHashSet(),
            workingDays ?? MondayToFriday,
            (excused ?? []).Select(Day).ToHashSet(),
            Day(today)));

    [Fact]
    public void ConsecutiveWorkingDaysBuildAStreak()
    {
        var streaks = Calculate(today: 5, active: [2, 3, 4, 5]);

        Assert.Equal(new StreakCalculator.Streaks(4, 4), streaks);
    }

    [Fact]
    public void AWeekendDoesNotBreakAStreak()
    {
        var streaks = Calculate(today: 10, active: [5, 6, 9, 10]);

        Assert.Equal(4, streaks.Current);
    }

    [Fact]
    public void AMissedWorkingDayBreaksTheStreakButKeepsThePersonalBest()
    {
        var streaks = Calculate(today: 12, active: [2, 3, 4, 6, 11, 12]);

        Assert.Equal(new StreakCalculator.Streaks(2, 3), streaks);
    }

    [Fact]
    public void PausesHolidaysAndVacationsDoNotBreakAStreak()
    {
        // Wed 4 paused, Thu 5 a public holiday, Mon 9 – Tue 10 on vacation.
        var streaks = Calculate(today: 11, active: [2, 3, 6, 11], excused: [4, 5, 9, 10]);

        Assert.Equal(4, streaks.Current);
    }

    [Fact]
    public void TodayWithoutAnAnswerYetDoesNotBreakTheStreak()
    {
        var streaks = Calculate(today: 6, active: [3, 4, 5]);

        Assert.Equal(3, streaks.Current);
    }

    [Fact]
    public void YesterdayUnansweredEndsTheCurrentStreak()
    {
        var streaks = Calculate(today: 6, active: [2, 3, 4]);

        Assert.Equal(new StreakCalculator.Streaks(0, 3), streaks);
    }

    [Fact]
    public void WorkingDaysFollowTheRepsOwnSchedule()
    {
        // A rep who works Tue and Thu only: Wed and Mon are not expected days.
        var streaks = Calculate(today: 12, active: [3, 5, 10], workingDays: [2, 4]);

        Assert.Equal(3, streaks.Current);
    }

    [Fact]
    public void NoHistoryMeansNoStreak()
    {
        Assert.Equal(new StreakCalculator.Streaks(0, 0), Calculate(today: 6, active: []));
    }

    [Fact]
    public void FutureAnswersAreIgnored()
    {
        Assert.Equal(new StreakCalculator.Streaks(0, 0), Calculate(today: 2, active: [9]));
    }
}

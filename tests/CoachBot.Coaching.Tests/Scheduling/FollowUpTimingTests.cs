using CoachBot.Coaching.Scheduling;

namespace CoachBot.Coaching.Tests.Scheduling;

public sealed class FollowUpTimingTests
{
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    private static RepSchedule Rep(string timeZone = "UTC") => new() { TimeZone = timeZone };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void AMorningNudgeIsFollowedUpTheSameAfternoon()
    {
        var due = FollowUpTiming.Due(Rep(), Utc(2026, 3, 2, 9, 30), FourHours);

        Assert.Equal(Utc(2026, 3, 2, 13, 30), due);
    }

    [Fact]
    public void WorkingHoursLeftAtTheEndOfTheDayCarryOverToTheNextMorning()
    {
        // Two hours left on Monday (15:30–17:30), two more from 09:00 on Tuesday.
        var due = FollowUpTiming.Due(Rep(), Utc(2026, 3, 2, 15, 30), FourHours);

        Assert.Equal(Utc(2026, 3, 3, 11), due);
    }

    [Fact]
    public void AFridayAfternoonNudgeIsFollowedUpOnMonday()
    {
        var due = FollowUpTiming.Due(Rep(), Utc(2026, 3, 6, 16), FourHours);

        Assert.Equal(Utc(2026, 3, 9, 11, 30), due);
    }

    [Fact]
    public void TimeOutsideWorkingHoursDoesNotCount()
    {
        // Sent at 07:00, before the 09:00 start: the clock starts at 09:00.
        var due = FollowUpTiming.Due(Rep(), Utc(2026, 3, 2, 7), FourHours);

        Assert.Equal(Utc(2026, 3, 2, 13), due);
    }

    [Fact]
    public void HolidaysAndVacationsDoNotCount()
    {
        var rep = Rep() with { HolidayCountry = "US", VacationFrom = new DateOnly(2026, 11, 27), VacationUntil = new DateOnly(2026, 11, 27) };

        // Wednesday 25 Nov 16:30: one hour left that day; Thursday is Thanksgiving, Friday vacation, then the weekend.
        var due = FollowUpTiming.Due(rep, Utc(2026, 11, 25, 16, 30), FourHours);

        Assert.Equal(Utc(2026, 11, 30, 12), due);
    }

    [Fact]
    public void WorkingHoursAreCountedInTheRepsTimeZoneAcrossTheDstChange()
    {
        // Friday 6 March 2026, 16:30 EST (21:30 UTC): one hour left; Monday 9 March is already EDT (UTC-4).
        var due = FollowUpTiming.Due(Rep("America/New_York"), Utc(2026, 3, 6, 21, 30), FourHours);

        Assert.Equal(Utc(2026, 3, 9, 16), due); // 12:00 EDT
    }

    [Fact]
    public void AFollowUpFallingInQuietHoursWaitsForThemToEnd()
    {
        var rep = Rep() with { QuietStart = new TimeOnly(12, 0), QuietEnd = new TimeOnly(14, 0) };

        var due = FollowUpTiming.Due(rep, Utc(2026, 3, 2, 9), FourHours);

        Assert.Equal(Utc(2026, 3, 2, 14), due);
    }

    [Fact]
    public void TheUnansweredTimeIsConfigurable()
    {
        var due = FollowUpTiming.Due(Rep(), Utc(2026, 3, 2, 9, 30), TimeSpan.FromMinutes(90));

        Assert.Equal(Utc(2026, 3, 2, 11), due);
    }

    [Fact]
    public void PausedRepsGetNoFollowUp()
    {
        Assert.Null(FollowUpTiming.Due(Rep() with { Paused = true }, Utc(2026, 3, 2, 9, 30), FourHours));
    }
}

using CoachBot.Coaching.Scheduling;

namespace CoachBot.Coaching.Tests.Scheduling;

public sealed class NudgeSlotsTests
{
    private static RepSchedule Rep(string timeZone = "America/New_York", string race = "sprint") => new() { TimeZone = timeZone, Race = race };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void SprintRepIsNudgedAtTheLocalSendTimeTheSameDay()
    {
        // Monday 2 March 2026, 08:00 in New York (EST, UTC-5).
        var next = NudgeSlots.Next(Rep(), Utc(2026, 3, 2, 13));

        Assert.Equal(Utc(2026, 3, 2, 14, 30), next);
    }

    [Fact]
    public void AfterFridaysSlotTheNextSprintSlotIsMonday()
    {
        var next = NudgeSlots.Next(Rep(), Utc(2026, 3, 6, 15));

        Assert.Equal(Utc(2026, 3, 9, 13, 30), next); // DST began on 8 March: 09:30 EDT is 13:30 UTC
    }

    [Fact]
    public void MiddleDistanceRepsAreNudgedMondayWednesdayAndFriday()
    {
        var rep = Rep(timeZone: "UTC", race: "middle");
        var slots = new List<DateTimeOffset>();
        var cursor = Utc(2026, 3, 1, 0);
        for (var i = 0; i < 4; i++)
        {
            cursor = NudgeSlots.Next(rep, cursor)!.Value;
            slots.Add(cursor);
        }

        Assert.Equal([Utc(2026, 3, 2, 9, 30), Utc(2026, 3, 4, 9, 30), Utc(2026, 3, 6, 9, 30), Utc(2026, 3, 9, 9, 30)], slots);
    }

    [Fact]
    public void DistanceRepsAreNudgedOnceAWeekOnTheFirstWorkingDay()
    {
        var next = NudgeSlots.Next(Rep(timeZone: "UTC", race: "distance"), Utc(2026, 3, 2, 10));

        Assert.Equal(Utc(2026, 3, 9, 9, 30), next);
    }

    [Fact]
    public void AnExplicitCadenceOverridesTheRace()
    {
        var rep = Rep(timeZone: "UTC", race: "distance") with { Cadence = Cadence.Daily };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 2, 10));

        Assert.Equal(Utc(2026, 3, 3, 9, 30), next);
    }

    [Fact]
    public void ASkippedLocalTimeFiresAtTheNextValidTime()
    {
        // 8 March 2026: New York clocks jump from 02:00 to 03:00, so 02:30 does not exist.
        var rep = Rep() with { SendTimes = [new TimeOnly(2, 30)], WorkingDays = [1, 2, 3, 4, 5, 6, 7] };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 8, 5));

        Assert.Equal(Utc(2026, 3, 8, 7), next); // 03:00 EDT
    }

    [Fact]
    public void ARepeatedLocalTimeFiresOnlyOnce()
    {
        // 1 November 2026: New York clocks fall back from 02:00 to 01:00, so 01:30 happens twice.
        var rep = Rep() with { SendTimes = [new TimeOnly(1, 30)], WorkingDays = [1, 2, 3, 4, 5, 6, 7] };

        var first = NudgeSlots.Next(rep, Utc(2026, 11, 1, 4))!.Value;
        var second = NudgeSlots.Next(rep, first);

        Assert.Equal(Utc(2026, 11, 1, 5, 30), first); // 01:30 EDT
        Assert.Equal(Utc(2026, 11, 2, 6, 30), second); // next day 01:30 EST, not 01:30 EST the same night
    }

    [Fact]
    public void EuropeanSummerTimeShiftsTheUtcSlotByAnHour()
    {
        var rep = Rep(timeZone: "Europe/London");

        var beforeChange = NudgeSlots.Next(rep, Utc(2026, 3, 27, 0));
        var afterChange = NudgeSlots.Next(rep, Utc(2026, 3, 28, 0));

        Assert.Equal(Utc(2026, 3, 27, 9, 30), beforeChange);
        Assert.Equal(Utc(2026, 3, 30, 8, 30), afterChange);
    }

    [Theory]
    [InlineData("Asia/Kolkata", 2026, 3, 2, 4, 0)]
    [InlineData("Pacific/Auckland", 2026, 3, 1, 20, 30)]
    [InlineData("America/Los_Angeles", 2026, 3, 2, 17, 30)]
    public void SlotsFollowTheRepsOwnTimeZone(string timeZone, int year, int month, int day, int hour, int minute)
    {
        // Sunday 1 March 2026 00:00 UTC: the first working-day 09:30 in each zone.
        var next = NudgeSlots.Next(Rep(timeZone), Utc(2026, 3, 1, 0));

        Assert.Equal(Utc(year, month, day, hour, minute), next);
    }

    [Fact]
    public void AnUnknownTimeZoneFallsBackToUtc()
    {
        var next = NudgeSlots.Next(Rep("Mars/Olympus_Mons"), Utc(2026, 3, 2, 0));

        Assert.Equal(Utc(2026, 3, 2, 9, 30), next);
    }

    [Fact]
    public void PublicHolidaysOfTheRepsCountryAreSkipped()
    {
        // Thanksgiving: Thursday 26 November 2026.
        var rep = Rep(timeZone: "UTC") with { HolidayCountry = "US" };

        var next = NudgeSlots.Next(rep, Utc(2026, 11, 25, 12));

        Assert.Equal(Utc(2026, 11, 27, 9, 30), next);
    }

    [Fact]
    public void WithoutAHolidayCountryHolidaysAreWorkingDays()
    {
        var next = NudgeSlots.Next(Rep(timeZone: "UTC"), Utc(2026, 11, 25, 12));

        Assert.Equal(Utc(2026, 11, 26, 9, 30), next);
    }

    [Fact]
    public void AWeeklyNudgeMovesToTuesdayWhenMondayIsAHoliday()
    {
        // Easter Monday, 6 April 2026, in Germany.
        var rep = Rep(timeZone: "Europe/Berlin", race: "distance") with { HolidayCountry = "de" };

        var next = NudgeSlots.Next(rep, Utc(2026, 4, 3, 12));

        Assert.Equal(Utc(2026, 4, 7, 7, 30), next);
    }

    [Fact]
    public void SendTimesInsideQuietHoursAreSkipped()
    {
        var rep = Rep(timeZone: "UTC") with
        {
            SendTimes = [new TimeOnly(8, 0), new TimeOnly(14, 0)],
            QuietStart = new TimeOnly(7, 0),
            QuietEnd = new TimeOnly(9, 0),
        };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 2, 0));

        Assert.Equal(Utc(2026, 3, 2, 14), next);
    }

    [Fact]
    public void QuietHoursMayWrapMidnight()
    {
        var rep = Rep(timeZone: "UTC") with
        {
            SendTimes = [new TimeOnly(23, 0), new TimeOnly(10, 0)],
            QuietStart = new TimeOnly(22, 0),
            QuietEnd = new TimeOnly(7, 0),
        };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 2, 11));

        Assert.Equal(Utc(2026, 3, 3, 10), next);
    }

    [Fact]
    public void ASnoozedRepIsNudgedAtTheFirstSlotAfterTheSnooze()
    {
        var rep = Rep(timeZone: "UTC") with { SnoozedUntil = Utc(2026, 3, 4, 12) };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 2, 0));

        Assert.Equal(Utc(2026, 3, 5, 9, 30), next);
    }

    [Fact]
    public void ASnoozeInThePastChangesNothing()
    {
        var rep = Rep(timeZone: "UTC") with { SnoozedUntil = Utc(2026, 2, 1, 0) };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 2, 0));

        Assert.Equal(Utc(2026, 3, 2, 9, 30), next);
    }

    [Fact]
    public void VacationDaysAreSkippedInclusively()
    {
        var rep = Rep(timeZone: "UTC") with { VacationFrom = new DateOnly(2026, 3, 2), VacationUntil = new DateOnly(2026, 3, 10) };

        var next = NudgeSlots.Next(rep, Utc(2026, 3, 1, 0));

        Assert.Equal(Utc(2026, 3, 11, 9, 30), next);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void PausedOrStoppedRepsHaveNoSlot(bool paused, bool stopped)
    {
        var rep = Rep() with { Paused = paused, Stopped = stopped };

        Assert.Null(NudgeSlots.Next(rep, Utc(2026, 3, 2, 0)));
    }

    [Fact]
    public void AScheduleWithNoWorkingDaysHasNoSlot()
    {
        Assert.Null(NudgeSlots.Next(Rep() with { WorkingDays = [] }, Utc(2026, 3, 2, 0)));
    }
}

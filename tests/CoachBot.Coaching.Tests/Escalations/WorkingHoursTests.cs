using CoachBot.Coaching.Escalations;

namespace CoachBot.Coaching.Tests.Escalations;

public sealed class WorkingHoursTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void FourHoursFromMondayMorningEndsThatAfternoon()
    {
        var monday0900London = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        var due = WorkingHours.Default.Add(monday0900London, TimeSpan.FromHours(4), London);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void TimeLeftAtTheEndOfTheDayCarriesToTheNextMorning()
    {
        var monday1600 = new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);

        var due = WorkingHours.Default.Add(monday1600, TimeSpan.FromHours(4), London);

        // 1.5 h on Monday (to 17:30), 2.5 h on Tuesday from 09:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 11, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void FridayAfternoonSkipsTheWeekend()
    {
        var friday1700 = new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.Zero);

        var due = WorkingHours.Default.Add(friday1700, TimeSpan.FromHours(4), London);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void RaisedAtNightStartsCountingAtNineLocal()
    {
        var saturdayNightUtc = new DateTimeOffset(2026, 3, 8, 2, 0, 0, TimeSpan.Zero); // Sat 21:00 in New York

        var due = WorkingHours.Default.Add(saturdayNightUtc, TimeSpan.FromHours(4), NewYork);

        // Monday 9 March is after the US DST change (8 March): 13:00 EDT = 17:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void UsesTheOwnersOwnWorkingDays()
    {
        var hours = new WorkingHours(new HashSet<int> { 2, 4 }, new TimeOnly(10, 0), new TimeOnly(12, 0));
        var monday = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        var due = hours.Add(monday, TimeSpan.FromHours(3), London);

        // Tuesday 10–12 gives 2 h, Thursday 10–11 the last hour.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 11, 0, 0, TimeSpan.Zero), due);
    }
}

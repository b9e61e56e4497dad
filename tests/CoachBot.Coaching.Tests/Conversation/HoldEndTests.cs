using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class HoldEndTests
{
    // Wednesday 2 December 2026, 15:00 in Berlin (14:00 UTC).
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 14, 0, 0, TimeSpan.Zero);
    private const string Berlin = "Europe/Berlin";
    private const string Tokyo = "Asia/Tokyo";

    private static DateTimeOffset? Resolve(string text, string zone = Berlin) =>
        HoldEnd.Parse(text.Split(' ')) is { } end ? HoldEnd.Resolve(end, Now, zone) : null;

    private static DateTimeOffset LocalMidnight(int year, int month, int day, int utcOffsetHours) =>
        new(year, month, day, 0, 0, 0, TimeSpan.FromHours(utcOffsetHours));

    [Theory]
    [InlineData("until friday")]
    [InlineData("until next friday")]
    [InlineData("till Friday")]
    [InlineData("friday")]
    [InlineData("fri")]
    public void AWeekdayIsTheStartOfTheNextSuchDayInTheRepsZone(string text)
    {
        Assert.Equal(LocalMidnight(2026, 12, 4, 1), Resolve(text));
    }

    [Fact]
    public void TodaysWeekdayMeansAWeekFromToday()
    {
        Assert.Equal(LocalMidnight(2026, 12, 9, 1), Resolve("until wednesday"));
        Assert.Equal(LocalMidnight(2026, 12, 7, 1), Resolve("next monday"));
    }

    [Theory]
    [InlineData("3d", 3)]
    [InlineData("2 days", 2)]
    [InlineData("for 2 weeks", 14)]
    [InlineData("1w", 7)]
    public void LengthsRunFromNow(string text, int days)
    {
        Assert.Equal(Now.AddDays(days), Resolve(text));
    }

    [Fact]
    public void HoursAreLengthsToo()
    {
        Assert.Equal(Now.AddHours(2), Resolve("2 hours"));
    }

    [Fact]
    public void TomorrowIsTheRepsTomorrowNotUtcs()
    {
        Assert.Equal(LocalMidnight(2026, 12, 3, 1), Resolve("tomorrow"));
        // 23:00 in Tokyo already: tomorrow there starts in one hour.
        Assert.Equal(LocalMidnight(2026, 12, 3, 9), Resolve("tomorrow", Tokyo));
    }

    [Theory]
    [InlineData("until Dec 20")]
    [InlineData("until december 20th")]
    [InlineData("until 20 Dec")]
    [InlineData("the 20th of december")]
    [InlineData("until 2026-12-20")]
    [InlineData("dec 20, 2026")]
    public void DatesInTheFormsPeopleType(string text)
    {
        Assert.Equal(LocalMidnight(2026, 12, 20, 1), Resolve(text));
    }

    [Fact]
    public void ADateWithoutAYearThatHasPassedIsNextYears()
    {
        Assert.Equal(LocalMidnight(2027, 3, 1, 1), Resolve("until march 1"));
        Assert.Equal(LocalMidnight(2027, 12, 2, 1), Resolve("until dec 2"));
    }

    [Theory]
    [InlineData("until 2026-11-30")]
    [InlineData("until 2026-12-02")]
    public void APastOrTodaysDatedEndResolvesToNothing(string text)
    {
        Assert.Null(Resolve(text));
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("until the cows come home")]
    [InlineData("0d")]
    [InlineData("feb 30")]
    [InlineData("until")]
    public void WordsThatNameNoEndParseToNothing(string text)
    {
        var end = HoldEnd.Parse(text.Split(' '));

        Assert.True(end is null || HoldEnd.Resolve(end, Now, Berlin) is null);
    }
}

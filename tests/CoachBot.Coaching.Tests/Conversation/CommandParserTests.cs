using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class CommandParserTests
{
    private static RepCommand Command(string text, bool explicitCommand = false) =>
        Assert.IsType<CommandParse.Parsed>(CommandParser.Parse(text, explicitCommand)).Command;

    private static string Rejection(string text) => Assert.IsType<CommandParse.Rejected>(CommandParser.Parse(text)).Message;

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("/help")]
    [InlineData("  Help!  ")]
    [InlineData("/ help")]
    public void CommandsWorkInAnyCaseWithOrWithoutASlash(string text)
    {
        Assert.IsType<RepCommand.Help>(Command(text));
    }

    [Theory]
    [InlineData("pause", typeof(RepCommand.Pause))]
    [InlineData("Resume", typeof(RepCommand.Resume))]
    [InlineData("/STOP", typeof(RepCommand.Stop))]
    [InlineData("start", typeof(RepCommand.Start))]
    [InlineData("setup", typeof(RepCommand.Setup))]
    public void BareCommandsParse(string text, Type expected)
    {
        Assert.IsType(expected, Command(text));
    }

    [Fact]
    public void StyleWithANameSetsItAndWithoutShowsIt()
    {
        Assert.Equal(new RepCommand.Style(CommunicationStyle.Analytical), Command("style Analytical"));
        Assert.Equal(new RepCommand.Style(null), Command("/style"));
    }

    [Fact]
    public void UnknownStyleIsRejectedListingTheValidOnes()
    {
        var message = Rejection("style purple");

        Assert.Contains("driver, expressive, amiable, analytical", message);
        Assert.DoesNotContain("purple", message);
    }

    [Theory]
    [InlineData("race sprint", Race.Sprint)]
    [InlineData("race middle distance", Race.Middle)]
    [InlineData("race Middle-Distance", Race.Middle)]
    [InlineData("race distance", Race.Distance)]
    public void RaceNamesParse(string text, Race expected)
    {
        Assert.Equal(new RepCommand.SetRace(expected), Command(text));
    }

    [Fact]
    public void FocusAcceptsCommasSpacesAndHyphens()
    {
        var focus = Assert.IsType<RepCommand.Focus>(Command("focus objection handling, pipeline-hygiene closing"));

        Assert.Equal([FocusSkill.ObjectionHandling, FocusSkill.PipelineHygiene, FocusSkill.Closing], focus.Skills);
    }

    [Fact]
    public void FocusRejectsMoreThanThreeSkillsAndUnknownOnes()
    {
        Assert.Contains("up to 3", Rejection("focus demo, closing, discovery, forecasting"));
        Assert.Contains("prospecting", Rejection("focus juggling"));
        Assert.Equal(new RepCommand.Focus([]), Command("focus clear"));
    }

    [Theory]
    [InlineData("schedule mon-fri 09:30", new[] { 1, 2, 3, 4, 5 }, "09:30")]
    [InlineData("schedule tue,thu 14:00", new[] { 2, 4 }, "14:00")]
    [InlineData("schedule tue, thu 7:05", new[] { 2, 4 }, "07:05")]
    [InlineData("schedule fri-mon", new[] { 1, 5, 6, 7 }, null)]
    [InlineData("schedule weekdays", new[] { 1, 2, 3, 4, 5 }, null)]
    [InlineData("schedule Mondays,wednesday", new[] { 1, 3 }, null)]
    public void ScheduleParsesDaysAndTime(string text, int[] days, string? time)
    {
        var schedule = Assert.IsType<RepCommand.Schedule>(Command(text));

        Assert.Equal(days, schedule.IsoDays);
        Assert.Equal(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), schedule.SendTime);
    }

    [Fact]
    public void ScheduleWithOnlyATimeKeepsTheDays()
    {
        Assert.Equal(new RepCommand.Schedule(null, new TimeOnly(10, 0)), Command("schedule 10:00"));
    }

    [Theory]
    [InlineData("schedule mon-fri 25:00")]
    [InlineData("schedule 09:60")]
    [InlineData("schedule funday 09:00")]
    [InlineData("schedule 9:00 10:00")]
    public void InvalidSchedulesAreRejectedWithExamples(string text)
    {
        Assert.Contains("schedule mon-fri 09:30", Rejection(text));
    }

    [Theory]
    [InlineData("snooze 3d", 3)]
    [InlineData("snooze 3 days", 3)]
    [InlineData("snooze 2 days", 2)]
    [InlineData("snooze 1w", 7)]
    [InlineData("Snooze 2 weeks", 14)]
    [InlineData("snooze for 2 weeks", 14)]
    public void SnoozeLengthsParse(string text, int days)
    {
        Assert.Equal(new RepCommand.Snooze(new HoldEnd.For(TimeSpan.FromDays(days))), Command(text));
    }

    [Fact]
    public void SnoozeUntilADateParses()
    {
        Assert.Equal(new RepCommand.Snooze(new HoldEnd.Date(2026, 12, 1)), Command("snooze until 2026-12-01"));
        Assert.Equal(new RepCommand.Snooze(new HoldEnd.Date(null, 12, 20)), Command("snooze until Dec 20"));
        Assert.Equal(new RepCommand.Snooze(new HoldEnd.Weekday(DayOfWeek.Friday)), Command("snooze until friday"));
        Assert.Equal(new RepCommand.Snooze(new HoldEnd.DaysAhead(1)), Command("snooze until tomorrow"));
    }

    [Theory]
    [InlineData("pause until next friday", "Weekday")]
    [InlineData("pause until friday", "Weekday")]
    [InlineData("/pause until friday", "Weekday")]
    [InlineData("pause for 2 weeks", "For")]
    [InlineData("pause 3d", "For")]
    [InlineData("pause until Dec 20", "Date")]
    [InlineData("pause next monday", "Weekday")]
    [InlineData("pause tomorrow", "DaysAhead")]
    public void PauseTakesTheEndsPeopleType(string text, string kind)
    {
        var pause = Assert.IsType<RepCommand.Pause>(Command(text));

        Assert.Equal(kind, pause.Until!.GetType().Name);
    }

    [Fact]
    public void PauseWithAnEndThatMeansNothingIsRejectedWithExamples()
    {
        var message = Rejection("pause until whenever");

        Assert.Contains("pause until friday", message);
        Assert.Contains("resume", message);
    }

    [Fact]
    public void PauseInTheMiddleOfASentenceIsStillAReply()
    {
        Assert.IsType<CommandParse.FreeText>(CommandParser.Parse("pause for a sec while I check"));
    }

    [Theory]
    [InlineData("snooze forever")]
    [InlineData("snooze")]
    [InlineData("snooze 0d")]
    [InlineData("snooze 200d")]
    [InlineData("snooze until someday")]
    public void SnoozeWithoutAValidEndIsRejected(string text)
    {
        var message = Rejection(text);

        Assert.Contains("snooze 3d", message);
        Assert.Contains("snooze until friday", message);
        Assert.Contains("pause", message);
    }

    [Theory]
    [InlineData("timezone Europe/Berlin", "Europe/Berlin")]
    [InlineData("timezone europe/berlin", "Europe/Berlin")]
    [InlineData("time zone America/New_York", "America/New_York")]
    public void TimeZonesAreValidatedAgainstIana(string text, string expected)
    {
        Assert.Equal(new RepCommand.TimeZone(expected), Command(text));
    }

    [Fact]
    public void UnknownTimeZoneIsRejectedWithSuggestions()
    {
        var message = Rejection("timezone Europe/Berln");

        Assert.Contains("Europe/Berlin", message);
        Assert.Contains("IANA", message);
    }

    [Theory]
    [InlineData("my data", false)]
    [InlineData("My Data", false)]
    [InlineData("export my data", true)]
    public void MyDataAndExportParse(string text, bool export)
    {
        Assert.Equal(new RepCommand.MyData(export), Command(text));
    }

    [Fact]
    public void DeleteMyDataNeedsConfirmation()
    {
        Assert.Equal(new RepCommand.DeleteMyData(false), Command("delete my data"));
        Assert.Equal(new RepCommand.DeleteMyData(true), Command("/delete my data confirm"));
    }

    [Theory]
    [InlineData("stlye driver", "style")]
    [InlineData("hepl", "help")]
    [InlineData("snoze 3d", "snooze")]
    [InlineData("delet my data", "delete my data")]
    [InlineData("/pasue", "pause")]
    public void TyposGetADidYouMean(string text, string suggestion)
    {
        var unknown = Assert.IsType<CommandParse.Unknown>(CommandParser.Parse(text));

        Assert.Equal(suggestion, unknown.Suggestions[0]);
    }

    [Fact]
    public void AnExplicitUnknownCommandIsUnknownEvenWithoutASuggestion()
    {
        var unknown = Assert.IsType<CommandParse.Unknown>(CommandParser.Parse("frobnicate", explicitCommand: true));

        Assert.Empty(unknown.Suggestions);
    }

    [Theory]
    [InlineData("Booked two discovery calls with Acme today")]
    [InlineData("stop by the Acme office on Friday")]
    [InlineData("focus on the renewal pipeline this week")]
    [InlineData("thanks")]
    [InlineData("ok")]
    public void OrdinaryRepliesAreFreeText(string text)
    {
        Assert.IsType<CommandParse.FreeText>(CommandParser.Parse(text));
    }

    [Theory]
    [InlineData("blorft", true)]
    [InlineData("stast", true)]
    [InlineData("Thanks!", false)]
    [InlineData("done", false)]
    [InlineData("ok", false)]
    [InlineData("Booked two calls", false)]
    [InlineData("42", false)]
    public void ALoneUnknownWordIsTakenForATypoEvenJustAfterANudge(string text, bool typo) =>
        Assert.Equal(typo, CommandParser.IsLoneUnknownWord(text));
}

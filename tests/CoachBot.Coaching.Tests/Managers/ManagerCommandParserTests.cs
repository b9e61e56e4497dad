using CoachBot.Coaching.Managers;
using static CoachBot.Coaching.Managers.ManagerCommand;

namespace CoachBot.Coaching.Tests.Managers;

public sealed class ManagerCommandParserTests
{
    [Fact]
    public void ReadsSlackMentionWithName()
    {
        var command = ManagerCommandParser.Parse("rep <@U123ABC|sam>");

        var rep = Assert.IsType<Rep>(command);
        Assert.Equal(new PersonRef(PersonRefKind.UserId, "U123ABC"), rep.Person);
    }

    [Fact]
    public void ReadsBareSlackMention()
    {
        var command = ManagerCommandParser.Parse("pause <@W9XYZ>");

        Assert.Equal(new PersonRef(PersonRefKind.UserId, "W9XYZ"), Assert.IsType<Pause>(command).Person);
    }

    [Fact]
    public void ReadsTeamsDisplayNameWithSpacesBeforeTheStyle()
    {
        var command = ManagerCommandParser.Parse("style @Jane van Dijk Analytical");

        var style = Assert.IsType<SetStyle>(command);
        Assert.Equal(new PersonRef(PersonRefKind.Name, "Jane van Dijk"), style.Person);
        Assert.Equal("analytical", style.Style);
    }

    [Fact]
    public void ReadsEmailAsPerson()
    {
        var command = ManagerCommandParser.Parse("race Sam.Rep@Example.com sprint");

        var race = Assert.IsType<SetRace>(command);
        Assert.Equal(new PersonRef(PersonRefKind.Email, "sam.rep@example.com"), race.Person);
        Assert.Equal("sprint", race.Race);
    }

    [Fact]
    public void ReadsFocusSkillsSeparatedBySpacesAndCommas()
    {
        var command = ManagerCommandParser.Parse("focus @Sam discovery closing,negotiation");

        var focus = Assert.IsType<SetFocus>(command);
        Assert.Equal(["discovery", "closing", "negotiation"], focus.Skills);
        Assert.Equal("Sam", focus.Person.Value);
    }

    [Fact]
    public void ReadsScheduleTimesAndDays()
    {
        var command = ManagerCommandParser.Parse("schedule <@U1> 14:00,9:30 mon,wed,fri");

        var schedule = Assert.IsType<SetSchedule>(command);
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(14, 0)], schedule.SendTimes);
        Assert.Equal([1, 3, 5], schedule.WorkingDays);
    }

    [Fact]
    public void ReadsScheduleDayRange()
    {
        var schedule = Assert.IsType<SetSchedule>(ManagerCommandParser.Parse("schedule @Sam 10:00 mon-thu"));

        Assert.Equal([1, 2, 3, 4], schedule.WorkingDays);
    }

    [Theory]
    [InlineData("nudge @Sam now", true)]
    [InlineData("nudge @Sam", false)]
    public void ReadsNudgeWithOptionalNow(string text, bool now)
    {
        var nudge = Assert.IsType<Nudge>(ManagerCommandParser.Parse(text));

        Assert.Equal(now, nudge.Now);
        Assert.Equal("Sam", nudge.Person.Value);
    }

    [Theory]
    [InlineData("escalations", EscalationFilter.Open)]
    [InlineData("escalations mine", EscalationFilter.Mine)]
    [InlineData("ESCALATIONS all", EscalationFilter.All)]
    public void ReadsEscalationFilters(string text, EscalationFilter filter)
    {
        Assert.Equal(filter, Assert.IsType<ListEscalations>(ManagerCommandParser.Parse(text)).Filter);
    }

    [Fact]
    public void ReadsEscalationIdsWithOrWithoutPrefix()
    {
        Assert.Equal(42, Assert.IsType<Ack>(ManagerCommandParser.Parse("ack E-42")).EscalationId);
        Assert.Equal(7, Assert.IsType<Ack>(ManagerCommandParser.Parse("ack e-7")).EscalationId);
        Assert.Equal(9, Assert.IsType<Ack>(ManagerCommandParser.Parse("ack 9")).EscalationId);
    }

    [Fact]
    public void KeepsTheResolutionNoteAsTyped()
    {
        var resolve = Assert.IsType<Resolve>(ManagerCommandParser.Parse("resolve E-3   Talked it  through, all good"));

        Assert.Equal("Talked it  through, all good", resolve.ResolutionNote);
    }

    [Fact]
    public void ReadsReassignSnoozeAndNote()
    {
        Assert.Equal("Pat Boss", Assert.IsType<Reassign>(ManagerCommandParser.Parse("reassign E-5 @Pat Boss")).To.Value);
        Assert.Equal(TimeSpan.FromDays(2), Assert.IsType<Snooze>(ManagerCommandParser.Parse("snooze E-5 2d")).For);
        Assert.Equal("call Friday", Assert.IsType<Note>(ManagerCommandParser.Parse("note E-5 call Friday")).Text);
    }

    [Fact]
    public void KeepsImportLinesIntact()
    {
        var import = Assert.IsType<Import>(ManagerCommandParser.Parse("import\nemail,name,role\na@x.com,A,rep"));

        Assert.Equal("email,name,role\na@x.com,A,rep", import.Csv);
    }

    [Fact]
    public void ReadsManagersAddAndRemove()
    {
        Assert.True(Assert.IsType<SetManager>(ManagerCommandParser.Parse("managers add <@U9>")).Add);
        Assert.False(Assert.IsType<SetManager>(ManagerCommandParser.Parse("managers remove pat@example.com")).Add);
    }

    [Fact]
    public void EmptyTextIsHelp()
    {
        Assert.IsType<Help>(ManagerCommandParser.Parse("  "));
    }

    [Theory]
    [InlineData("style @Sam purple", "not one of driver")]
    [InlineData("style", "Missing arguments")]
    [InlineData("race @Sam marathon", "not one of sprint")]
    [InlineData("focus @Sam juggling", "not a focus skill")]
    [InlineData("schedule @Sam soon", "HH:mm")]
    [InlineData("ack", "Which escalation")]
    [InlineData("ack X-1", "not an escalation id")]
    [InlineData("ack E-1 now", "only the escalation id")]
    [InlineData("snooze E-1 forever", "duration")]
    [InlineData("snooze E-1 40d", "duration")]
    [InlineData("note E-1", "note is empty")]
    [InlineData("escalations later", "open, mine or all")]
    [InlineData("managers promote @Sam", "add or remove")]
    [InlineData("rep", "Say who")]
    [InlineData("import", "No CSV")]
    [InlineData("dance @Sam", "Unknown command")]
    public void BadInputGivesOneLineWithUsage(string text, string expected)
    {
        var invalid = Assert.IsType<Invalid>(ManagerCommandParser.Parse(text));

        Assert.Contains(expected, invalid.Message);
        Assert.DoesNotContain('\n', invalid.Message);
        Assert.True(invalid.Message.Contains("Usage:") || invalid.Message.Contains("Commands:"), invalid.Message);
    }
}

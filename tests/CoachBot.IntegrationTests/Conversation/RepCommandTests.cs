using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;

namespace CoachBot.IntegrationTests.Conversation;

public sealed class RepCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep() => new(database.DataSource, $"U{Guid.NewGuid():N}");

    private async Task<RepSchedule> ScheduleOf(RepConversation rep, long personId) =>
        (await rep.Get<RepScheduleStore>().GetAsync(personId, CancellationToken.None))!;

    private Task<bool> NextDueCleared(long personId) =>
        database.DataSource.ScalarAsync<bool>("select next_due_at is null from rep_schedule where person_id = @personId", new { personId });

    private Task MarkNextDue(long personId) =>
        database.DataSource.ExecuteAsync("update rep_schedule set next_due_at = now() where person_id = @personId", new { personId });

    [Fact]
    public async Task StyleOverrideIsSavedAsTheRepsOwnChoice()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync("STYLE Analytical");

        var profile = (await rep.Get<RepProfileStore>().GetAsync(id, CancellationToken.None))!;
        Assert.Equal((CommunicationStyle.Analytical, "self"), (profile.Style!.Value, profile.StyleSource));
        Assert.Contains("Analytical", MessageText.Of(reply));
    }

    [Fact]
    public async Task AnInvalidStyleIsRejectedWithTheOptionsAndChangesNothing()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep, style: "amiable");

        var reply = await rep.SayAsync("style purple");

        Assert.Contains("driver, expressive, amiable, analytical", MessageText.Of(reply));
        Assert.Equal(CommunicationStyle.Amiable, (await rep.Get<RepProfileStore>().GetAsync(id, CancellationToken.None))!.Style);
    }

    [Fact]
    public async Task ScheduleWritesDaysAndTimeAndAsksTheDispatcherToRecompute()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await MarkNextDue(id);

        await rep.SayAsync("/schedule tue,thu 14:00");

        var schedule = await ScheduleOf(rep, id);
        Assert.Equal([2, 4], schedule.WorkingDays);
        Assert.Equal([new TimeOnly(14, 0)], schedule.SendTimes);
        Assert.True(await NextDueCleared(id));
    }

    [Fact]
    public async Task AnInvalidTimeChangesNothing()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await MarkNextDue(id);

        var reply = await rep.SayAsync("schedule mon-fri 25:00");

        Assert.Contains("HH:MM", MessageText.Of(reply));
        Assert.Equal([1, 2, 3, 4, 5], (await ScheduleOf(rep, id)).WorkingDays);
        Assert.False(await NextDueCleared(id));
    }

    [Fact]
    public async Task TimeZoneOverrideIsKeptWhenThePlatformReportsAnotherZone()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        await rep.SayAsync("timezone America/New_York");
        await rep.StartAsync();

        Assert.Equal("America/New_York", (await ScheduleOf(rep, id)).TimeZone);
        Assert.Equal("override", await database.DataSource.ScalarAsync<string>("select time_zone_source from person where id = @id", new { id }));
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsRejected()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync("timezone Mars/Olympus_Mons");

        Assert.Contains("Europe/Berlin", MessageText.Of(reply));
        Assert.Equal("Europe/Berlin", (await ScheduleOf(rep, id)).TimeZone);
    }

    [Fact]
    public async Task SnoozeUntilADateEndsAtLocalMidnightAndForeverIsRejected()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var forever = await rep.SayAsync("snooze forever");
        Assert.Null((await ScheduleOf(rep, id)).SnoozedUntil);
        await rep.SayAsync("snooze until 2026-12-01");

        Assert.Contains("pause", MessageText.Of(forever));
        // Europe/Berlin is UTC+1 in December.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), (await ScheduleOf(rep, id)).SnoozedUntil);
    }

    // The rep's clock in these tests: Monday 2 November 2026, 10:00 in Berlin (09:00 UTC).
    private static readonly DateTimeOffset FridayInBerlin = new(2026, 11, 6, 0, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("pause until next friday")]
    [InlineData("pause until friday")]
    [InlineData("Pause until Friday.")]
    public async Task PauseUntilADayTypedInTheDmHoldsNudgesUntilThatLocalDay(string text)
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync(text);

        var schedule = await ScheduleOf(rep, id);
        Assert.Equal(FridayInBerlin, schedule.SnoozedUntil);
        Assert.StartsWith("Paused until Fri 6 Nov (Europe/Berlin time): no nudges before then. Type `resume` to start again sooner.", reply.Messages.Single().Text);
        Assert.Contains("Next nudge: Fri 6 Nov, 09:30 (Europe/Berlin time).", reply.Messages.Single().Text);
        Assert.DoesNotContain("UTC", MessageText.Of(reply));
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>("select count(*)::int from rep_reply where person_id = @id", new { id }));
    }

    [Fact]
    public async Task ASlashCommandPauseTakesAnEndToo()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.Inbox.OnCommandAsync(new CoachBot.Coaching.Chat.InboundCommand(rep.Sender, rep.Dm, "pause until friday"), CancellationToken.None);

        Assert.DoesNotContain("takes nothing after it", MessageText.Of(reply));
        Assert.Equal(FridayInBerlin, (await ScheduleOf(rep, id)).SnoozedUntil);
    }

    [Theory]
    [InlineData("pause for 2 weeks", 14 * 24)]
    [InlineData("snooze 2 days", 48)]
    [InlineData("snooze for 2 weeks", 14 * 24)]
    [InlineData("/snooze 3d", 72)]
    public async Task LengthsPeopleTypeRunFromNow(string text, int hours)
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        await rep.SayAsync(text);

        Assert.Equal(rep.Time.GetUtcNow().AddHours(hours), (await ScheduleOf(rep, id)).SnoozedUntil);
    }

    [Fact]
    public async Task ASnoozeIsShownInTheRepsOwnTimeNeverUtc()
    {
        await using var rep = NewRep();
        await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync("snooze 2 days");

        Assert.Equal(
            "Nudges three times a week (Mon, Wed, Fri) at 09:30, Europe/Berlin time. " +
            "Status: snoozed until Wed 4 Nov, 10:00 (Europe/Berlin time) (type `resume` to end it early). Next nudge: Fri 6 Nov, 09:30 (Europe/Berlin time).",
            reply.Messages.Single().Text);
    }

    [Fact]
    public async Task AShortTextThatIsNoCommandPointsToHelp()
    {
        await using var rep = NewRep();
        await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync("blorft");

        Assert.EndsWith("If you meant a command, I didn't recognise it. Type `help` to see what I understand.", reply.Messages.Single().Text);
    }

    [Fact]
    public async Task AShortReplyToARecentNudgeIsJustThanked()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await CoachBot.Testing.Scheduling.SentNudges.AddSentNudgeAsync(database.DataSource, id, rep.Time.GetUtcNow().AddHours(-1));

        var reply = await rep.SayAsync("went well");

        Assert.DoesNotContain("help", reply.Messages.Single().Text);
    }

    [Fact]
    public async Task TheScheduleShowsAWeeklyRepsRealCadenceAndNextNudge()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        await rep.SayAsync("race distance");

        var reply = await rep.SayAsync("schedule");

        Assert.Equal(
            "Nudges once a week, on your first working day of the week (Mon, or the next working day after a holiday) at 09:30, Europe/Berlin time. " +
            "Status: active. Next nudge: Mon 9 Nov, 09:30 (Europe/Berlin time).",
            reply.Messages.Single().Text);
    }

    [Fact]
    public async Task TheHomeViewShowsAWeeklyRepsRealCadenceAndNextNudgeInTheirTime()
    {
        await using var rep = NewRep();
        await database.DataSource.OnboardedAsync(rep);
        await rep.SayAsync("race distance");

        var home = await rep.Inbox.GetHomeAsync(rep.Sender, CancellationToken.None);

        var schedule = home.Blocks.OfType<CoachBot.Coaching.Chat.SectionBlock>().Single().Text;
        Assert.Equal(
            "Nudges once a week, on your first working day of the week (Mon, or the next working day after a holiday) at 09:30, Europe/Berlin time. " +
            "Status: active. Next nudge: Mon 9 Nov, 09:30 (Europe/Berlin time).",
            schedule);
    }

    [Fact]
    public async Task SnoozeUntilAPastDateIsRejected()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync("snooze until 2026-10-01");

        Assert.Contains("snooze 3d", MessageText.Of(reply));
        Assert.Null((await ScheduleOf(rep, id)).SnoozedUntil);
    }

    [Fact]
    public async Task PauseResumeStopAndStartFlipTheScheduleFlags()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        await rep.SayAsync("snooze 3d");
        await rep.SayAsync("pause");
        var paused = await ScheduleOf(rep, id);
        await rep.SayAsync("Resume");
        var resumed = await ScheduleOf(rep, id);
        await rep.SayAsync("stop");
        var stopped = await ScheduleOf(rep, id);
        await rep.SayAsync("start");

        Assert.True(paused.Paused);
        Assert.Equal(rep.Time.GetUtcNow().AddDays(3), paused.SnoozedUntil);
        Assert.False(resumed.Paused);
        Assert.Null(resumed.SnoozedUntil);
        Assert.True(stopped.Stopped);
        Assert.False((await ScheduleOf(rep, id)).Stopped);
        Assert.True(await NextDueCleared(id));
    }

    [Fact]
    public async Task ATypoGetsADidYouMeanAndTheHelpList()
    {
        await using var rep = NewRep();
        await database.DataSource.OnboardedAsync(rep);

        var reply = await rep.SayAsync("stlye driver");

        var text = MessageText.Of(reply);
        Assert.Contains("Did you mean `style`", text);
        Assert.Contains("delete my data", text);
    }

    [Fact]
    public async Task FocusCommandSavesUpToThreeSkills()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);

        await rep.SayAsync("focus prospecting, account growth");
        var tooMany = await rep.SayAsync("focus demo, closing, discovery, forecasting");

        Assert.Contains("up to 3", MessageText.Of(tooMany));
        Assert.Equal([FocusSkill.Prospecting, FocusSkill.AccountGrowth], (await rep.Get<RepProfileStore>().GetAsync(id, CancellationToken.None))!.FocusSkills);
    }
}

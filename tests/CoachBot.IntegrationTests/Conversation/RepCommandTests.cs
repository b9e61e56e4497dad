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

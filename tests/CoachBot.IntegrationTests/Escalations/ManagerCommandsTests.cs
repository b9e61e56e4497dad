using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class ManagerCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static Task<InboxReply> Say(EscalationWorld world, string userId, string text) =>
        world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender(userId), world.ManagersChannel, text), default);

    [Fact]
    public async Task RepShowsTheProfileAndSharedWordsAndTheRepCanSeeWhoSawThem()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "I feel lost", "r1"), default);

        var reply = await Say(world, "UBOSS", "rep <@UREP|sam>");

        var blocks = reply.Messages[0].Blocks;
        Assert.Equal("Sam Rep", blocks.OfType<HeaderBlock>().Single().Text);
        Assert.Equal("I feel lost", blocks.OfType<QuoteBlock>().Single().Text);
        var views = await world.Get<AuditLog>().ListSharedWordsViewsAsync(rep.Id, default);
        Assert.Equal([AuditActions.SharedWordsSeen, AuditActions.SharedWordsPosted], views.Select(v => v.Action));
        Assert.Equal("Pat Boss", views[0].ManagerName);
    }

    [Fact]
    public async Task StyleScheduleAndPauseChangeTheRepsRowsAndAreAudited()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);

        await Say(world, "UBOSS", "style @Sam Rep amiable");
        await Say(world, "UBOSS", "focus @Sam Rep discovery closing");
        var schedule = await Say(world, "UBOSS", "schedule @Sam Rep 10:00,15:30 mon-thu");
        await Say(world, "UBOSS", "pause @Sam Rep");

        Assert.Equal("Sam Rep's nudges now go out at 10:00, 15:30 their time on Mon, Tue, Wed, Thu. I've let them know.", schedule.Messages[0].Text);
        Assert.Equal("amiable/manager", await world.ScalarAsync<string>("select style || '/' || style_source from rep_profile where person_id = @id", new { id = rep.Id }));
        Assert.Equal("discovery,closing", await world.ScalarAsync<string>("select array_to_string(focus_skills, ',') from rep_profile where person_id = @id", new { id = rep.Id }));
        Assert.Equal("{1,2,3,4}|{10:00:00,15:30:00}|true|", await world.ScalarAsync<string>(
            "select working_days::text || '|' || send_times::text || '|' || paused::text || '|' || coalesce(next_due_at::text, '') from rep_schedule where person_id = @id",
            new { id = rep.Id }));
        var actions = (await world.AuditAsync()).Where(a => a.ActorId == boss.Id).Select(a => a.Action).ToList();
        Assert.Equal(["manager.style", "manager.focus", "manager.schedule", "manager.pause"], actions);
    }

    [Fact]
    public async Task NudgeNowMakesAnActiveRepDueAndRefusesAPausedOne()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await Say(world, "UBOSS", "schedule @Sam Rep 09:30");

        var now = await Say(world, "UBOSS", "nudge @Sam Rep now");
        await Say(world, "UBOSS", "pause @Sam Rep");
        var paused = await Say(world, "UBOSS", "nudge @Sam Rep now");

        Assert.Contains("goes out within the minute", now.Messages[0].Text);
        Assert.Contains("no active schedule", paused.Messages[0].Text);
        Assert.Null(await world.ScalarAsync<DateTime?>("select next_due_at from rep_schedule where person_id = @id", new { id = rep.Id }));
    }

    [Fact]
    public async Task RepsListsOnlyTheManagersTeam()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.AddPersonAsync("UOTHER", "Olly Other");

        var reply = await Say(world, "UBOSS", "reps");

        Assert.Contains("Sam Rep", reply.Messages[0].Text);
        Assert.DoesNotContain("Olly", reply.Messages[0].Text);
    }

    [Fact]
    public async Task EscalationsListAndStatsCountWhatIsOpenAndTheMedianTimeToAck()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var first = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "s1"), default);
        await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.LowConfidence, null, "s2"), default);
        world.Clock.Advance(TimeSpan.FromMinutes(30));
        await Say(world, "UBOSS", $"ack {first}");

        var open = await Say(world, "UBOSS", "escalations");
        var stats = await Say(world, "UBOSS", "stats");

        Assert.Equal(3, open.Messages[0].Text.Split('\n').Length);
        Assert.Equal("Reps: 1 · Escalations: 1 open, 1 acknowledged, 0 resolved · Median time to acknowledge: 30m", stats.Messages[0].Text);
    }

    [Fact]
    public async Task BriefIsWrittenForTheRepsStyleWithOpenEscalations()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await Say(world, "UBOSS", "style @Sam Rep driver");
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "b1"), default);
        world.Clock.Advance(TimeSpan.FromHours(3));

        var reply = await Say(world, "UBOSS", "brief @Sam Rep");

        var brief = Assert.Single(reply.Messages);
        Assert.Equal($"{id} (3h 0m)", brief.Blocks.OfType<FieldsBlock>().Single().Fields.Single(f => f.Label == "Open escalations").Value);
        Assert.Contains(brief.Blocks.OfType<ContextBlock>(), c => c.Text.StartsWith("Driver:"));
        var opener = brief.Blocks.OfType<SectionBlock>().Single(s => s.Text.StartsWith("Suggested 1:1 opener")).Text;
        // Composed from the week's facts in the rep's style (issue 15), not picked from a fixed list: here, the open escalation.
        Assert.Equal("Suggested 1:1 opener: \"Sam, let's close out what you raised. What do you need from me to decide it today?\"", opener);
    }

    [Fact]
    public async Task ImportMatchesByEmailLinksManagersAndKeepsPeopleNotMetYet()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin, email: "ada@example.com");
        var pat = await world.AddPersonAsync("UPAT", "Pat", email: "pat@example.com");
        var sam = await world.AddPersonAsync("USAM", "Sam", email: "sam@example.com");
        var csv = "import\nemail,name,role,manager,time zone\nPAT@example.com,Pat Boss,manager,,Europe/Paris\nsam@example.com,Sam Rep,rep,pat@example.com,\nnew@example.com,New Person,rep,pat@example.com,";

        var reply = await Say(world, "UADMIN", csv);
        var later = await world.AddPersonAsync("UNEW", "New Person", email: "new@example.com");
        await world.Get<RosterImport>().ApplyPendingAsync(later.Id, default);

        Assert.Contains("2 matched by email, 1 not met yet", reply.Messages[0].Text);
        Assert.Equal("manager|Europe/Paris", await world.ScalarAsync<string>("select role || '|' || time_zone from person where id = @id", new { id = pat.Id }));
        Assert.Equal(pat.Id, await world.ScalarAsync<long>("select manager_id from person where id = @id", new { id = sam.Id }));
        Assert.Equal(pat.Id, await world.ScalarAsync<long>("select manager_id from person where id = @id", new { id = later.Id }));
    }

    [Fact]
    public async Task ABadImportChangesNothing()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);
        var pat = await world.AddPersonAsync("UPAT", "Pat", email: "pat@example.com");

        var reply = await Say(world, "UADMIN", "import\npat@example.com,Pat,manager\nbad-line,X,rep");

        Assert.StartsWith("Line 2:", reply.Messages[0].Text);
        Assert.Contains("Nothing was imported", reply.Messages[0].Text);
        Assert.Equal("rep", await world.ScalarAsync<string>("select role from person where id = @id", new { id = pat.Id }));
    }

    [Fact]
    public async Task HomeShowsManagersTheirOpenEscalationsAndRepsNothing()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "h1"), default);
        var inbox = world.Get<ManagerInbox>();

        var managerHome = await inbox.GetHomeBlocksAsync(world.Sender("UBOSS"), default);
        var repHome = await inbox.GetHomeBlocksAsync(world.Sender("UREP"), default);

        Assert.Contains(managerHome.OfType<SectionBlock>(), b => b.Text.StartsWith(id));
        Assert.Empty(repHome);
    }
}

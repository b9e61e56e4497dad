using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class ManagerAccessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    public static TheoryData<string> EveryManagerCommand => new()
    {
        "help", "reps", "rep @Sam Rep", "style @Sam Rep driver", "race @Sam Rep sprint", "focus @Sam Rep closing", "schedule @Sam Rep 09:30",
        "pause @Sam Rep", "resume @Sam Rep", "nudge @Sam Rep now", "escalations all", "ack E-1", "resolve E-1 done", "reassign E-1 @Pat Boss",
        "snooze E-1 1d", "note E-1 hi", "brief", "stats", "import\na@x.com,A,admin", "managers add <@UREP>", "keywords add quit",
    };

    [Theory]
    [MemberData(nameof(EveryManagerCommand))]
    public async Task ARepTryingAManagerCommandIsRefusedAndAudited(string text)
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager));
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "words", $"a:{Guid.NewGuid()}"), default);

        var reply = await world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender("UREP"), world.ManagersChannel, text.Replace("E-1", id)), default);

        Assert.Contains("only for managers in CoachBot's roster", reply.Messages[0].Text);
        var audit = Assert.Single(await world.AuditAsync(), a => a.ActorId == rep.Id && a.Action.StartsWith("manager."));
        Assert.Equal("refused", audit.Outcome);
        Assert.Equal("rep", await world.ScalarAsync<string>("select role from person where id = @id", new { id = rep.Id }));
        Assert.Equal("open", await world.ScalarAsync<string>("select state from escalation where id = @id", new { id = long.Parse(id[2..]) }));
        Assert.Empty(world.Messenger.Updates);
    }

    [Fact]
    public async Task ARepPressingACardButtonIsRefused()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager));
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "b1"), default);

        var reply = await world.Get<ManagerInbox>().OnActionAsync(new InboundAction(world.Sender("UREP"), world.ManagersChannel, null, EscalationActions.Resolve, id[2..]), default);

        Assert.Contains("only for managers", reply.Messages[0].Text);
        Assert.Equal("open", await world.ScalarAsync<string>("select state from escalation where id = @id", new { id = long.Parse(id[2..]) }));
    }

    [Fact]
    public async Task SomeoneCoachBotDoesNotKnowIsRefusedAndAudited()
    {
        await using var world = await EscalationWorld.CreateAsync(database);

        var reply = await world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender("UNOBODY"), world.ManagersChannel, "reps"), default);

        Assert.Contains("don't know you yet", reply.Messages[0].Text);
        Assert.Equal(1, await world.ScalarAsync<long>("select count(*) from audit_entry where outcome = 'refused' and detail like @d", new { d = $"%{world.WorkspaceExternalId}:UNOBODY%" }));
    }

    [Fact]
    public async Task ADirectorActsOnTheirReportsRepsButAManagerOnlyOnTheirOwn()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var director = await world.AddPersonAsync("UDIR", "Dana Director", PersonRole.Manager);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager, director);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.AddPersonAsync("UPEER", "Peer Manager", PersonRole.Manager, director);
        var inbox = world.Get<ManagerInbox>();

        var byDirector = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UDIR"), world.ManagersChannel, "race URep@Example.com distance"), default);
        var byPeer = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UPEER"), world.ManagersChannel, "race <@UREP|sam> sprint"), default);

        Assert.Equal("Sam Rep now runs the distance race. I've let them know.", byDirector.Messages[0].Text);
        Assert.Contains("not one of your reps", byPeer.Messages[0].Text);
        Assert.Equal("distance", await world.ScalarAsync<string>("select race from rep_profile where person_id = @id", new { id = rep.Id }));
    }

    [Fact]
    public async Task ManagersAddIsForAdminsOnlyAndPlatformAdminFlagsDoNotCount()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);
        await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var newbie = await world.AddPersonAsync("UNEW", "Noa New");
        var inbox = world.Get<ManagerInbox>();

        var byManager = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, "managers add <@UNEW>"), default);
        var byAdmin = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UADMIN"), world.ManagersChannel, "managers add <@UNEW>"), default);

        Assert.Contains("Only CoachBot admins", byManager.Messages[0].Text);
        Assert.Contains("is now a manager", byAdmin.Messages[0].Text);
        Assert.Equal("manager", await world.ScalarAsync<string>("select role from person where id = @id", new { id = newbie.Id }));
    }

    [Fact]
    public async Task UnknownPersonGetsOneLineWithUsageAndNothingChanges()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);

        var reply = await world.Get<ManagerInbox>().OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, "pause @Nobody Here"), default);

        Assert.Equal($"I can't find @Nobody Here in CoachBot's roster here. {CoachBot.Coaching.Managers.PersonRef.Forms} Usage: `pause @person`", reply.Messages[0].Text);
        Assert.Equal(0, await world.ScalarAsync<long>("select count(*) from rep_schedule where workspace_id = @id", new { id = world.WorkspaceId }));
        Assert.DoesNotContain(await world.AuditAsync(), a => a.ActorId == boss.Id);
    }
}

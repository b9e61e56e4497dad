using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class EscalationCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ReassignMovesOwnershipTellsTheRepAndReschedulesDeadlines()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var other = await world.AddPersonAsync("UOTHER", "Kim Other", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "k4"), default);
        var inbox = world.Get<ManagerInbox>();

        var reply = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"reassign {id} @Kim Other"), default);
        var otherAcks = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UOTHER"), world.ManagersChannel, $"ack {id}"), default);

        Assert.Contains("reassigned to Kim Other", reply.Messages[0].Text);
        Assert.Contains("passed to Kim Other", world.Messenger.DirectTo(rep.Key)[0].Text);
        Assert.Contains("passed escalation", world.Messenger.DirectTo(other.Key)[0].Text);
        Assert.Equal(4, world.Deadlines.Scheduled.Count);
        Assert.Contains("acknowledged", otherAcks.Messages[0].Text);
    }

    [Fact]
    public async Task NoteAndSnoozeUpdateTheCardButDoNotMessageTheRep()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "k5"), default);
        var inbox = world.Get<ManagerInbox>();

        await inbox.OnActionAsync(new InboundAction(world.Sender("UBOSS"), world.ManagersChannel, null, EscalationActions.Note, id[2..], "call on Friday"), default);
        var snooze = await inbox.OnActionAsync(new InboundAction(world.Sender("UBOSS"), world.ManagersChannel, null, EscalationActions.Snooze, id[2..]), default);

        Assert.Contains("snoozed until 2026-03-03 09:00", snooze.Messages[0].Text);
        Assert.Empty(world.Messenger.DirectTo(rep.Key));
        Assert.Equal(2, world.Messenger.Updates.Count);
        Assert.Contains(world.Messenger.Updates[^1].Message.Blocks.OfType<ContextBlock>(), c => c.Text.Contains("1 note"));
    }

    [Fact]
    public async Task UnknownOrForeignEscalationIdGetsOneLineAndChangesNothing()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await using var elsewhere = await EscalationWorld.CreateAsync(database);
        await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Admin);
        var foreignRep = await elsewhere.AddPersonAsync("UREP", "Far Rep", manager: await elsewhere.AddPersonAsync("UB", "Far Boss", PersonRole.Manager));
        var foreign = await elsewhere.Get<IEscalations>().RaiseAsync(new EscalationRequest(foreignRep.Id, EscalationReason.NeedHelp, null, "k6"), default);
        var inbox = world.Get<ManagerInbox>();

        var reply = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"ack {foreign}"), default);
        var missing = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, "ack E-999999"), default);

        Assert.Equal($"There is no escalation {foreign} here. Usage: `ack E-42`", reply.Messages[0].Text);
        Assert.StartsWith("There is no escalation E-999999 here.", missing.Messages[0].Text);
        Assert.Equal("open", await elsewhere.ScalarAsync<string>("select state from escalation where id = @id", new { id = long.Parse(foreign[2..]) }));
    }

    [Fact]
    public async Task ManagerCannotActOnAnotherManagersRepAndTheRefusalIsAudited()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var stranger = await world.AddPersonAsync("USTRANGER", "Lee Stranger", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "k7"), default);
        var inbox = world.Get<ManagerInbox>();

        var ack = await inbox.OnCommandAsync(new InboundCommand(world.Sender("USTRANGER"), world.ManagersChannel, $"ack {id}"), default);
        var style = await inbox.OnCommandAsync(new InboundCommand(world.Sender("USTRANGER"), world.ManagersChannel, "style <@UREP> driver"), default);

        Assert.Contains("is not yours", ack.Messages[0].Text);
        Assert.Contains("not one of your reps", style.Messages[0].Text);
        Assert.Equal("open", await world.ScalarAsync<string>("select state from escalation where id = @id", new { id = long.Parse(id[2..]) }));
        Assert.Null(await world.ScalarAsync<string?>("select style from rep_profile where person_id = @id", new { id = rep.Id }));
        var refused = (await world.AuditAsync()).Where(a => a.ActorId == stranger.Id).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, a => Assert.Equal("refused", a.Outcome));
        Assert.All(refused, a => Assert.Equal(rep.Id, a.SubjectId));
    }
}

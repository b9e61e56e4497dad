using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class EscalationFlowTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task NeedHelpPostsOneCardToTheManagersChannelOnly()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);

        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "Stuck on <Acme>", "delivery:1:help"), default);

        var post = Assert.Single(world.Messenger.Posts);
        Assert.Equal(world.ManagersChannel, post.To);
        Assert.Equal("Stuck on <Acme>", Assert.Single(post.Message.Blocks.OfType<QuoteBlock>()).Text);
        Assert.Contains(id, post.Message.Text);
        Assert.Empty(world.Messenger.Direct);
        var stored = await world.ScalarAsync<string>("select channel_message_id from escalation where id = @id", new { id = long.Parse(id[2..]) });
        Assert.Equal(post.Sent.MessageId, stored);
    }

    [Fact]
    public async Task ReplayedRaiseReturnsTheSameEscalationAndPostsNothingNew()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: await world.AddPersonAsync("UBOSS", "Pat", PersonRole.Manager));
        var request = new EscalationRequest(rep.Id, EscalationReason.LowConfidence, "not sure", $"delivery:{Guid.NewGuid()}:rate");

        var first = await world.Get<IEscalations>().RaiseAsync(request, default);
        var second = await world.Get<IEscalations>().RaiseAsync(request, default);

        Assert.Equal(first, second);
        Assert.Single(world.Messenger.Posts);
    }

    [Fact]
    public async Task AckByButtonUpdatesTheCardAndTellsTheRepThenResolveByCommand()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "help", "k1"), default);
        var card = Assert.Single(world.Messenger.Posts);
        var inbox = world.Get<ManagerInbox>();

        var ack = await inbox.OnActionAsync(new InboundAction(world.Sender("UBOSS"), world.ManagersChannel, card.Sent, EscalationActions.Acknowledge, id[2..]), default);
        var resolve = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"resolve {id} talked it through"), default);

        Assert.Contains("acknowledged", ack.Messages[0].Text);
        Assert.Contains("resolved", resolve.Messages[0].Text);
        Assert.Equal(ReplyVisibility.Private, ack.Visibility);
        var updates = world.Messenger.Updates;
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal(card.Sent.MessageId, u.Sent.MessageId));
        Assert.Contains(updates[0].Message.Blocks.OfType<FieldsBlock>().Single().Fields, f => f.Value == "Acknowledged by Pat Boss");
        Assert.Contains(updates[1].Message.Blocks.OfType<FieldsBlock>().Single().Fields, f => f.Value == "Resolved by Pat Boss");
        var told = world.Messenger.DirectTo(rep.Key);
        Assert.Equal(2, told.Count);
        Assert.Contains("acknowledged your request", told[0].Text);
        Assert.Contains("resolved", told[1].Text);
        Assert.Equal("resolved", await world.ScalarAsync<string>("select state from escalation where id = @id", new { id = long.Parse(id[2..]) }));
        Assert.Equal(2, world.Deadlines.Cancelled.Count);
    }

    [Fact]
    public async Task AckByCommandWorksAndASecondAckChangesNothing()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, null, "k2"), default);
        var inbox = world.Get<ManagerInbox>();

        await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"ack {id}"), default);
        var again = await inbox.OnCommandAsync(new InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, $"ack {id}"), default);

        Assert.Contains("already acknowledged (by Pat Boss)", again.Messages[0].Text);
        Assert.Single(world.Messenger.DirectTo(rep.Key));
        Assert.Single(world.Messenger.Updates);
    }

    [Fact]
    public async Task ConcurrentAcksFromTwoManagersChangeTheStateOnceAndTellTheRepOnce()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var director = await world.AddPersonAsync("UDIR", "Dana Director", PersonRole.Manager);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager, director);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "help", "k3"), default);
        var inbox = world.Get<ManagerInbox>();

        var clicks = Enumerable.Range(0, 8).Select(i => inbox.OnActionAsync(new InboundAction(
            world.Sender(i % 2 == 0 ? "UBOSS" : "UDIR"), world.ManagersChannel, null, EscalationActions.Acknowledge, id[2..]), default));
        var replies = await Task.WhenAll(clicks);

        Assert.Single(replies, r => r.Messages[0].Text.Contains("has been told"));
        Assert.Single(world.Messenger.DirectTo(rep.Key));
        Assert.Single(world.Messenger.Updates);
        Assert.Equal(1, await world.ScalarAsync<long>("select count(*) from audit_entry where action = @a and subject_id = @rep", new { a = AuditActions.EscalationAcknowledged, rep = rep.Id }));
    }

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

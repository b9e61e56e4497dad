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
}

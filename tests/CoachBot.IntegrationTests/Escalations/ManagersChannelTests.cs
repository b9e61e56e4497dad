using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class ManagersChannelTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task RefusesToPostAnywhereButTheConfiguredChannelEvenWhenAsked()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var channel = world.Get<ManagersChannel>();

        await Assert.ThrowsAsync<ManagersChannelRefusedException>(() =>
            channel.PostAsync(world.WorkspaceId, world.ManagersChannel with { ConversationId = "C0GENERAL" }, CoachMessage.Plain("x"), default));
        await Assert.ThrowsAsync<ManagersChannelRefusedException>(() =>
            channel.UpdateAsync(world.WorkspaceId, new SentMessage(world.ManagersChannel with { ConversationId = "D0REP" }, "1"), CoachMessage.Plain("x"), default));

        Assert.Empty(world.Messenger.Posts);
        Assert.Empty(world.Messenger.Updates);
    }

    [Fact]
    public async Task WithoutAManagersChannelTheEscalationIsKeptButNothingIsPosted()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        await world.ExecuteAsync("update workspace set manager_channel_id = null where id = @id", new { id = world.WorkspaceId });
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: await world.AddPersonAsync("UBOSS", "Pat", PersonRole.Manager));

        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "words", "c1"), default);

        Assert.StartsWith("E-", id);
        Assert.Empty(world.Messenger.Posts);
    }

    [Fact]
    public async Task ANonManagerJoiningIsFlaggedToTheChannelAndTheAdmins()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var admin = await world.AddPersonAsync("UADMIN", "Ada Admin", PersonRole.Admin);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep");

        var verdict = await world.Get<ManagerInbox>().OnMemberJoinedAsync(new MemberJoined(rep.Key, world.ManagersChannel), default);

        Assert.Equal(ChannelGuardVerdict.Intruder, verdict);
        Assert.Contains("Sam Rep joined the managers' channel", Assert.Single(world.Messenger.Posts).Message.Text);
        Assert.Single(world.Messenger.DirectTo(admin.Key));
        Assert.Contains(await world.AuditAsync(), a => a.Action == AuditActions.ManagersChannelIntruder && a.SubjectId == rep.Id);
    }

    [Fact]
    public async Task SomeoneUnknownJoiningIsFlaggedToo()
    {
        await using var world = await EscalationWorld.CreateAsync(database);

        var verdict = await world.Get<ManagerInbox>().OnMemberJoinedAsync(new MemberJoined(world.Key("USTRANGER"), world.ManagersChannel), default);

        Assert.True(verdict.RemoveMember);
        Assert.Contains("not in CoachBot's roster", Assert.Single(world.Messenger.Posts).Message.Text);
    }

    [Fact]
    public async Task ManagersTheBotAndOtherChannelsAreLeftAlone()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep");
        var inbox = world.Get<ManagerInbox>();

        var manager = await inbox.OnMemberJoinedAsync(new MemberJoined(boss.Key, world.ManagersChannel), default);
        var bot = await inbox.OnMemberJoinedAsync(new MemberJoined(world.Key("UBOT"), world.ManagersChannel), default);
        var elsewhere = await inbox.OnMemberJoinedAsync(new MemberJoined(rep.Key, world.ManagersChannel with { ConversationId = "C0GENERAL" }), default);

        Assert.Equal(ChannelGuardVerdict.Allowed, manager);
        Assert.Equal(ChannelGuardVerdict.Allowed, bot);
        Assert.Equal(ChannelGuardVerdict.NotGuarded, elsewhere);
        Assert.Empty(world.Messenger.Posts);
    }
}

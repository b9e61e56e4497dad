using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Escalations;

public sealed class RaiseRulesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task MissedNudgesRaiseOnlyAtTheConfiguredCountWithoutWordsAndOncePerOpenEscalation()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: await world.AddPersonAsync("UBOSS", "Pat", PersonRole.Manager));
        var service = world.Get<EscalationService>();

        var two = await service.RaiseMissedNudgesAsync(rep.Id, 2, "run-1", default);
        var three = await service.RaiseMissedNudgesAsync(rep.Id, 3, "run-1", default);
        var four = await service.RaiseMissedNudgesAsync(rep.Id, 4, "run-1", default);

        Assert.Null(two);
        Assert.NotNull(three);
        Assert.Equal(three, four);
        var card = Assert.Single(world.Messenger.Posts).Message;
        Assert.Empty(card.Blocks.OfType<Coaching.Chat.QuoteBlock>());
        Assert.Contains("Nothing you wrote was shared", Assert.Single(world.Messenger.DirectTo(rep.Key)).Text);
    }

    [Fact]
    public async Task MissedNudgesCountIsConfigurable()
    {
        await using var world = await EscalationWorld.CreateAsync(database, settings: new Dictionary<string, string?> { ["Escalations:MissedNudgesInARow"] = "5" });
        var rep = await world.AddPersonAsync("UREP", "Sam Rep");

        Assert.Null(await world.Get<EscalationService>().RaiseMissedNudgesAsync(rep.Id, 4, "run", default));
        Assert.NotNull(await world.Get<EscalationService>().RaiseMissedNudgesAsync(rep.Id, 5, "run", default));
    }

    [Fact]
    public async Task MissedNudgesNeverCarryText()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep");

        var id = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.MissedNudges, "should not be kept", "m1"), default);

        Assert.Null(await world.ScalarAsync<string?>("select shared_text from escalation where id = @id", new { id = long.Parse(id[2..]) }));
    }

    [Fact]
    public async Task KeywordsFromSettingsAndManagersRaiseOnSharedReplies()
    {
        await using var world = await EscalationWorld.CreateAsync(database, settings: new Dictionary<string, string?> { ["Escalations:Keywords:0"] = "burnout" });
        var boss = await world.AddPersonAsync("UBOSS", "Pat", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        await world.Get<Coaching.Managers.ManagerInbox>().OnCommandAsync(
            new Coaching.Chat.InboundCommand(world.Sender("UBOSS"), world.ManagersChannel, "keywords add quit"), default);
        var service = world.Get<EscalationService>();

        var none = await service.CheckKeywordsAsync(rep.Id, "It was quite a week", "kw1", default);
        var quit = await service.CheckKeywordsAsync(rep.Id, "I might quit", "kw2", default);
        var burnout = await service.CheckKeywordsAsync(rep.Id, "Burnout is real", "kw3", default);

        Assert.Null(none);
        Assert.NotNull(quit);
        Assert.NotNull(burnout);
        Assert.Equal("keyword|high|I might quit", await world.ScalarAsync<string>(
            "select reason || '|' || severity || '|' || shared_text from escalation where id = @id", new { id = long.Parse(quit[2..]) }));
    }
}

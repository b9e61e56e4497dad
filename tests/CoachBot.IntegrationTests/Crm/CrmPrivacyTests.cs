using System.Text.Json;
using CoachBot.Coaching.Crm;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Crm;

namespace CoachBot.IntegrationTests.Crm;

// `my data`, `export my data` and `delete my data` with CRM data held, and a sync after the delete. Every RepConversation
// shares one workspace, so one connection: each rep is a CRM owner of their own, and ids carry the owner's.
public sealed class CrmPrivacyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task MyDataListsTheCrmDataHeldByCountAndKindWithoutTheDeals()
    {
        await using var rep = new RepConversation(database.DataSource, $"U{Guid.NewGuid():N}");
        await SeedAsync(rep);

        var text = MessageText.Of(await rep.SayAsync("my data"));

        Assert.Contains("From your CRM (you and your managers): 2 open deals, 1 won or lost; activities: 2 call, 1 meeting", text);
        Assert.DoesNotContain("Acme", text);
    }

    [Fact]
    public async Task MyDataSaysNoneForARepWithNoCrmAccount()
    {
        await using var rep = new RepConversation(database.DataSource, $"U{Guid.NewGuid():N}");
        await database.DataSource.OnboardedAsync(rep);

        Assert.Contains("From your CRM (you and your managers): none (no CRM account matched to you)", MessageText.Of(await rep.SayAsync("my data")));
    }

    [Fact]
    public async Task ExportIncludesTheDealsAndActivityCounts()
    {
        await using var rep = new RepConversation(database.DataSource, $"U{Guid.NewGuid():N}");
        await SeedAsync(rep);

        var reply = await rep.SayAsync("export my data");

        var json = string.Concat(reply.Messages.SelectMany(m => m.Blocks).OfType<Coaching.Chat.QuoteBlock>().Select(q => q.Text));
        using var export = JsonDocument.Parse(json);
        var deals = export.RootElement.GetProperty("crm_deals").EnumerateArray().Select(d => $"{d.GetProperty("name").GetString()}:{d.GetProperty("status").GetString()}").Order();
        Assert.Equal(["Acme:open", "Globex:open", $"Won {Owner(rep)}-w1:won"], deals);
        Assert.Equal(2, export.RootElement.GetProperty("crm_activity_counts").GetProperty("call").GetInt32());
        Assert.Equal(1, export.RootElement.GetProperty("crm_activity_counts").GetProperty("meeting").GetInt32());
    }

    [Fact]
    public async Task DeleteRemovesTheCrmRowsAndTheNextSyncDoesNotBringThemBack()
    {
        await using var rep = new RepConversation(database.DataSource, $"U{Guid.NewGuid():N}");
        var (crm, owner) = await SeedAsync(rep);

        var said = MessageText.Of((await rep.SayAsync("delete my data confirm")).Messages[0]);
        // The next sync reads the same owner, deals and activities from the CRM again.
        await crm.OwnersAsync(new CrmOwner(owner, Email(rep), "Sam R"));
        await crm.DealsAsync(crm.Open($"{owner}-d1", "Acme", owner, 40_000), crm.Open($"{owner}-d4", "Hooli", owner, 9_000));
        await crm.ActivitiesAsync(crm.Activity($"{owner}-a9", CrmActivityKind.Call, owner));

        Assert.Contains("The deals and activities I had copied from your CRM are deleted too, and I won't copy them again.", said);
        var args = new { id = crm.Connection.Id, owner };
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>("select count(*)::int from crm_deal where connection_id = @id and owner_external_id = @owner", args));
        Assert.Equal(0, await database.DataSource.ScalarAsync<int>("select count(*)::int from crm_activity where connection_id = @id and owner_external_id = @owner", args));
        Assert.True(await database.DataSource.ScalarAsync<bool>("select excluded and person_id is null from crm_owner where connection_id = @id and external_id = @owner", args));
    }

    private static string Owner(RepConversation rep) => "o" + rep.Sender.Key.UserId;

    private static string Email(RepConversation rep) => $"{rep.Sender.Key.UserId.ToLowerInvariant()}@example.com";

    private async Task<(CrmSeed Crm, string Owner)> SeedAsync(RepConversation rep)
    {
        var id = await database.DataSource.OnboardedAsync(rep);
        await database.DataSource.ExecuteAsync("update person set email = @email where id = @id", new { email = Email(rep), id });
        var workspace = await database.DataSource.ScalarAsync<long>("select workspace_id from person where id = @id", new { id });
        var crm = await CrmSeed.ConnectAsync(database.DataSource, rep.Time, workspace);
        var o = Owner(rep);
        await crm.OwnersAsync(new CrmOwner(o, Email(rep).ToUpperInvariant(), "Sam R"));
        Assert.Equal(id, await database.DataSource.ScalarAsync<long>("select person_id from crm_owner where connection_id = @c and external_id = @o", new { c = crm.Connection.Id, o }));
        await crm.DealsAsync(crm.Open($"{o}-d1", "Acme", o, 40_000), crm.Open($"{o}-d2", "Globex", o, 20_000), crm.Won($"{o}-w1", o, cycleDays: 20));
        await crm.ActivitiesAsync(crm.Activity($"{o}-a1", CrmActivityKind.Call, o), crm.Activity($"{o}-a2", CrmActivityKind.Call, o), crm.Activity($"{o}-a3", CrmActivityKind.Meeting, o));
        return (crm, o);
    }
}

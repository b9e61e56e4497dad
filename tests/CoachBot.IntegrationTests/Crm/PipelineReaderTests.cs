using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Crm.Pipeline;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Crm;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Crm;

// A rep's pipeline as a sync left it in crm_deal/crm_activity, and the manager's brief built from it.
public sealed class PipelineReaderTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ReadsOpenAndClosedDealsActivityCountsSlippedAndQuietDealsForTheMatchedRepOnly()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var (sam, ava) = (await world.AddPersonAsync("USAM", "Sam Rivera"), await world.AddPersonAsync("UAVA", "Ava Martinez"));
        var crm = await SeedSamsPipelineAsync(world);

        var team = await world.Get<PipelineReader>().ForRepsAsync([sam.Id, ava.Id], default);

        var samPipeline = team[sam.Id];
        Assert.False(team.ContainsKey(ava.Id));
        Assert.Equal(["Acme", "Globex", "Initech"], samPipeline.Open.Select(d => d.Name));
        var acme = samPipeline.Open[0];
        Assert.Equal((40_000m, "Proposal", 12, 0), (acme.Amount!.Value, acme.Stage, acme.DaysInStage!.Value, acme.CloseDateMoves));
        Assert.Equal(2, samPipeline.Open[1].CloseDateMoves);
        Assert.Equal("65,000 USD", samPipeline.OpenAmount.ToString());
        Assert.Equal(["Globex"], samPipeline.Slipped.Select(d => d.Name));
        Assert.Equal([("Initech", 19)], samPipeline.Quiet.Select(d => (d.Name, d.DaysSinceActivity)));
        Assert.Equal([20], samPipeline.Won.Select(d => d.CycleDays));
        Assert.Equal((2, 1), (samPipeline.ActivityCount(CrmActivityKind.Call), samPipeline.ActivityCount(CrmActivityKind.Meeting)));
        Assert.Equal("5,000 USD", samPipeline.AddedThisWeek(crm.Clock.GetUtcNow()).ToString());
    }

    [Fact]
    public async Task TheBriefCarriesThePipelineFiguresAndSaysNothingForARepWithoutCrmData()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var maya = await world.AddPersonAsync("UMAYA", "Maya Okafor", PersonRole.Manager);
        var (sam, ava) = (await world.AddPersonAsync("USAM", "Sam Rivera", manager: maya), await world.AddPersonAsync("UAVA", "Ava Martinez", manager: maya));
        await SeedSamsPipelineAsync(world);

        var briefs = await world.Get<BriefService>().ForPeopleAsync([sam.Id, ava.Id], new HashSet<long> { sam.Id, ava.Id }, default);
        var outsideTheChain = await world.Get<BriefService>().ForRepAsync(sam.Id, withDeals: false, default);

        var samText = string.Join("\n", briefs[0].Blocks.OfType<Coaching.Chat.SectionBlock>().Select(b => b.Text));
        Assert.Contains("Pipeline (from the CRM)", samText);
        Assert.Contains("• Open pipeline: 65,000 USD in 3 deals", samText);
        Assert.Contains("• Added this week: 5,000 USD in 1 deal", samText);
        Assert.Contains("• Close dates slipped: 1 (Globex)", samText);
        Assert.Contains("• No activity for 14+ days: 1 (Initech, 19 days)", samText);
        var avaText = string.Join("\n", briefs[1].Blocks.OfType<Coaching.Chat.SectionBlock>().Select(b => b.Text));
        Assert.Contains("Ava Martinez", briefs[1].Text);
        Assert.DoesNotContain("Pipeline", avaText);
        Assert.DoesNotContain("Acme", avaText);
        Assert.DoesNotContain("Pipeline", string.Join("\n", outsideTheChain!.Blocks.OfType<Coaching.Chat.SectionBlock>().Select(b => b.Text)));
    }

    [Fact]
    public async Task AnOwnerMatchedToNobodyLeavesTheirDealsUnattributed()
    {
        await using var world = await EscalationWorld.CreateAsync(database);
        var sam = await world.AddPersonAsync("USAM", "Sam Rivera");
        var crm = await CrmSeed.ConnectAsync(world.DataSource, world.Clock, world.WorkspaceId);
        Assert.Equal(0, await crm.OwnersAsync(new CrmOwner("o9", "someone.else@example.com", "Someone Else")));
        await crm.DealsAsync(crm.Open("x1", "Stranger deal", "o9", 1_000));

        Assert.Null(await world.Get<PipelineReader>().ForRepAsync(sam.Id, default));
    }

    // Sam: Acme stalled 12 days in Proposal, Globex whose close date moved twice, Initech quiet for 19 days, one deal won
    // in 20 days, two calls and a meeting this month (and one call too old to count).
    internal static async Task<CrmSeed> SeedSamsPipelineAsync(EscalationWorld world)
    {
        var crm = await CrmSeed.ConnectAsync(world.DataSource, world.Clock, world.WorkspaceId);
        Assert.Equal(1, await crm.OwnersAsync(new CrmOwner("o1", "USAM@example.com", "Sam R"), new CrmOwner("o2", "nobody@example.com", null)));
        await crm.DealsAsync(
            crm.Open("d1", "Acme", "o1", 40_000, daysInStage: 12),
            crm.Open("d2", "Globex", "o1", 20_000, stage: "Negotiation", closeInDays: 10),
            crm.Open("d3", "Initech", "o1", 5_000, stage: "Discovery", ageDays: 3, daysInStage: 2, lastActivityDaysAgo: 19),
            crm.Won("w1", "o1", cycleDays: 20));
        // Two later syncs see Globex's close date pushed out, twice.
        await crm.DealsAsync(crm.Open("d2", "Globex", "o1", 20_000, stage: "Negotiation", closeInDays: 17));
        await crm.DealsAsync(crm.Open("d2", "Globex", "o1", 20_000, stage: "Negotiation", closeInDays: 31));
        await crm.ActivitiesAsync(
            crm.Activity("a1", CrmActivityKind.Call, "o1"), crm.Activity("a2", CrmActivityKind.Call, "o1", daysAgo: 3),
            crm.Activity("a3", CrmActivityKind.Meeting, "o1", deal: "d1"), crm.Activity("a4", CrmActivityKind.Call, "o1", daysAgo: 40));
        return crm;
    }
}

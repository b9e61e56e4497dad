using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Crm.Coaching;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Crm;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Crm;

// What the sync job's observers do after a run: goal progress from the CRM, and a race suggested from won deals.
public sealed class CrmObserverTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task CallsMeetingsWinsAndPipelineCountOnceTowardTheRepsGoalsAndTheRepIsToldOnce()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true, withCrm: true);
        var sam = await world.AddPersonAsync("USAM", "Sam Rivera");
        var store = world.Get<GoalStore>();
        foreach (var (metric, target) in new[] { (GoalMetric.Calls, 10), (GoalMetric.Deals, 2), (GoalMetric.Pipeline, 50_000) })
        {
            await store.SetAsync(sam.Id, metric, GoalPeriod.Week, target, "self", world.Clock.GetUtcNow().AddDays(-1), default);
        }

        var crm = await CrmSeed.ConnectAsync(world.DataSource, world.Clock, world.WorkspaceId);
        await crm.OwnersAsync(new CrmOwner("o1", "usam@example.com", "Sam"));
        await crm.DealsAsync(crm.Open("d1", "Acme", "o1", 30_000.40m, ageDays: 0), crm.Won("w1", "o1", cycleDays: 10, closedDaysAgo: 0));
        await crm.ActivitiesAsync(crm.Activity("a1", CrmActivityKind.Call, "o1", daysAgo: 0), crm.Activity("a2", CrmActivityKind.Call, "o1", daysAgo: 0),
            crm.Activity("m1", CrmActivityKind.Meeting, "o1", daysAgo: 0), crm.Activity("e1", CrmActivityKind.Email, "o1", daysAgo: 0));

        var feed = world.Get<IEnumerable<ICrmSyncObserver>>().OfType<CrmGoalFeed>().Single();
        await feed.OnSyncedAsync(crm.Connection, world.Clock.GetUtcNow(), default);
        await feed.OnSyncedAsync(crm.Connection, world.Clock.GetUtcNow(), default);

        var rows = await world.ScalarAsync<string>("""
            select string_agg(metric || '=' || amount, ',' order by metric, amount) from goal_progress where person_id = @id and source = 'crm'
            """, new { id = sam.Id });
        Assert.Equal("calls=1,calls=1,deals=1,pipeline=30000", rows);
        var told = Assert.Single(world.Messenger.DirectTo(sam.Key)).Text;
        Assert.Contains("Your calls now come straight from your CRM, so you no longer need to log them by hand.", told);
        Assert.Contains("Your deals now come straight from your CRM", told);
        Assert.DoesNotContain("meetings", told);

        var typed = await world.Get<GoalCommands>().LogAsync(sam, new RepProfile(sam.Id, null, "unknown", Race.Middle, [], ExperienceLevel.Newer, null, CoachBot.Coaching.Onboarding.OnboardingStep.Done, null), GoalMetric.Calls, 1, GoalProgressSource.Typed, default);
        Assert.Contains("Your CRM already counts your calls for you, so there's no need to log them by hand", typed.Messages[0].Text);
    }

    [Fact]
    public async Task ARaceIsSuggestedOnceFromTheMedianWonCycleAndOnlyTheRepsAnswerChangesIt()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true, withCrm: true);
        var maya = await world.AddPersonAsync("UMAYA", "Maya Okafor", PersonRole.Manager);
        var sam = await world.AddPersonAsync("USAM", "Sam Rivera", manager: maya);
        await world.ExecuteAsync("insert into rep_profile (person_id, race) values (@id, 'middle') on conflict (person_id) do update set race = 'middle'", new { id = sam.Id });
        var crm = await CrmSeed.ConnectAsync(world.DataSource, world.Clock, world.WorkspaceId);
        await crm.OwnersAsync(new CrmOwner("o1", "usam@example.com", "Sam"));
        await crm.DealsAsync([.. new[] { 9, 12, 18, 25, 40 }.Select((days, n) => crm.Won($"w{n}", "o1", cycleDays: days))]);
        var advisor = world.Get<IEnumerable<ICrmSyncObserver>>().OfType<CrmRaceAdvisor>().Single();

        await advisor.OnSyncedAsync(crm.Connection, world.Clock.GetUtcNow(), default);
        await advisor.OnSyncedAsync(crm.Connection, world.Clock.GetUtcNow(), default);

        var dm = Assert.Single(world.Messenger.DirectTo(sam.Key));
        Assert.StartsWith("Your won deals over the past year took a median of 18 days from created to closed (5 deals). That is a sprint cycle, and your coaching is set to middle distance.", dm.Text);
        Assert.Equal(["Switch to sprint", "Keep middle distance"], dm.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.Label));
        Assert.Equal("middle", await world.ScalarAsync<string>("select race from rep_profile where person_id = @id", new { id = sam.Id }));
        var brief = await world.Get<BriefService>().ForRepAsync(sam.Id, withDeals: true, default);
        Assert.Contains(brief!.Blocks.OfType<SectionBlock>(), b => b.Text.StartsWith("Race check: Sam Rivera's won deals took a median of 18 days (5 deals), a sprint cycle; they run middle distance.", StringComparison.Ordinal));

        var button = dm.Blocks.OfType<ActionsBlock>().Single().Buttons[0];
        var reply = await world.Get<CrmRaceActions>().HandleAsync(sam, new InboundAction(world.Sender("USAM"), new ChatAddress(world.Platform, world.WorkspaceExternalId, "DSAM"), null, button.ActionId, button.Value), default);
        var again = await world.Get<CrmRaceActions>().HandleAsync(sam, new InboundAction(world.Sender("USAM"), new ChatAddress(world.Platform, world.WorkspaceExternalId, "DSAM"), null, button.ActionId, button.Value), default);

        Assert.Equal("Done: your race is now sprint. Your nudges and goal suggestions follow it from the next one.", reply.Messages[0].Text);
        Assert.StartsWith("You already answered that suggestion.", again.Messages[0].Text);
        Assert.Equal("sprint", await world.ScalarAsync<string>("select race from rep_profile where person_id = @id", new { id = sam.Id }));
        await advisor.OnSyncedAsync(crm.Connection, world.Clock.GetUtcNow(), default);
        Assert.Single(world.Messenger.DirectTo(sam.Key));
    }

    [Theory]
    [InlineData(new[] { 10, 20, 30, 30, 30 }, "Sprint", 30)]
    [InlineData(new[] { 10, 20, 31, 40, 50 }, "Middle", 31)]
    [InlineData(new[] { 80, 90, 100, 120, 200, 300 }, "Distance", 110)]
    public void MedianCycleMapsToTheDocumentedRace(int[] days, string race, int median)
    {
        Assert.Equal((Enum.Parse<Race>(race), median), RaceFromCycle.Suggest(days));
        Assert.Null(RaceFromCycle.Suggest(days[..4]));
    }
}

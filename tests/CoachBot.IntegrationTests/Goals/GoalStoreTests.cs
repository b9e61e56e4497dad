using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Profiles;
using CoachBot.Testing;
using CoachBot.Testing.Conversation;

namespace CoachBot.IntegrationTests.Goals;

// The goal tables on real rows: every typed read, the cap of three, replaced targets kept for history, and the seam a
// CRM feed will use (a replayed entry counts once).
public sealed class GoalStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private RepConversation NewRep() => new(database.DataSource, $"U{Guid.NewGuid():N}");

    [Fact]
    public async Task AReplacedGoalIsKeptAsHistoryAndAFourthGoalIsRefused()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var store = rep.Get<GoalStore>();
        var now = rep.Time.GetUtcNow();

        Assert.True(await store.SetAsync(id, GoalMetric.Demos, GoalPeriod.Week, 2, "self", now, default));
        Assert.True(await store.SetAsync(id, GoalMetric.Demos, GoalPeriod.Week, 3, "self", now.AddMinutes(1), default));
        Assert.True(await store.SetAsync(id, GoalMetric.Meetings, GoalPeriod.Week, 4, "manager", now, default));
        Assert.True(await store.SetAsync(id, GoalMetric.Proposals, GoalPeriod.Month, 2, "onboarding", now, default));
        Assert.False(await store.SetAsync(id, GoalMetric.Deals, GoalPeriod.Month, 1, "self", now, default));

        var active = await store.GoalsAsync(id, includeRemoved: false, default);
        var all = await store.GoalsAsync(id, includeRemoved: true, default);
        Assert.Equal(["2 proposals sent monthly", "3 demos weekly", "4 meetings booked weekly"], active.Select(g => g.Describe()).Order());
        Assert.Equal(4, all.Count);
        Assert.Equal(now.AddMinutes(1), all.Single(g => g.Metric == GoalMetric.Demos && g.Target == 2).RemovedAt);
        Assert.Equal(["manager", "onboarding", "self"], active.Select(g => g.SetBy).Order());
        Assert.Contains(id, await store.RepsWithGoalsAsync(default));
    }

    [Fact]
    public async Task ACrmEntryWithTheSameReferenceCountsOnceAndTypedEntriesAddUp()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var store = rep.Get<GoalStore>();
        var day = new DateOnly(2026, 11, 2);

        Assert.True(await store.AddProgressAsync(new(id, GoalMetric.Meetings, 2, day, GoalProgressSource.Crm, "crm-event-17"), rep.Time.GetUtcNow(), default));
        Assert.False(await store.AddProgressAsync(new(id, GoalMetric.Meetings, 2, day, GoalProgressSource.Crm, "crm-event-17"), rep.Time.GetUtcNow(), default));
        Assert.True(await store.AddProgressAsync(new(id, GoalMetric.Meetings, 1, day, GoalProgressSource.Typed), rep.Time.GetUtcNow(), default));
        Assert.True(await store.AddProgressAsync(new(id, GoalMetric.Meetings, 1, day, GoalProgressSource.Typed), rep.Time.GetUtcNow(), default));
        Assert.True(await store.AddProgressAsync(new(id, GoalMetric.Meetings, 5, day.AddDays(1), GoalProgressSource.Button), rep.Time.GetUtcNow(), default));

        var totals = await store.DailyTotalsAsync(id, GoalMetric.Meetings, day, default);

        Assert.Equal(new Dictionary<DateOnly, int> { [day] = 4, [day.AddDays(1)] = 5 }, totals);
    }

    [Fact]
    public async Task AProposalIsDecidedOnceAndOnlyByItsRep()
    {
        await using var rep = NewRep();
        await using var other = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var otherId = await database.DataSource.OnboardedAsync(other);
        var store = rep.Get<GoalStore>();
        var proposal = await store.ProposeAsync(id, otherId, GoalMetric.Demos, GoalPeriod.Week, 5, rep.Time.GetUtcNow(), default);

        Assert.Null(await store.DecideAsync(proposal, otherId, "accepted", rep.Time.GetUtcNow(), default));
        var decided = await store.DecideAsync(proposal, id, "accepted", rep.Time.GetUtcNow(), default);
        Assert.Null(await store.DecideAsync(proposal, id, "declined", rep.Time.GetUtcNow(), default));

        Assert.Equal(new GoalStore.Proposal(proposal, id, otherId, GoalMetric.Demos, GoalPeriod.Week, 5, "accepted"), decided);
    }

    [Fact]
    public async Task AVacationWeekBelowTargetDoesNotBreakTheRunButAnOrdinaryMissedWeekDoes()
    {
        await using var rep = NewRep();
        var id = await database.DataSource.OnboardedAsync(rep);
        var store = rep.Get<GoalStore>();
        var tracker = rep.Get<GoalTracker>();
        // Mon 2 Nov 2026: a weekly goal of 3 calls set four weeks ago; weeks 1 and 2 on target, week 3 a vacation with 1.
        await store.SetAsync(id, GoalMetric.Meetings, GoalPeriod.Week, 3, "self", rep.Time.GetUtcNow().AddDays(-28), default);
        var monday = new DateOnly(2026, 11, 2);
        foreach (var (weeksAgo, amount) in new[] { (4, 3), (3, 4), (2, 1) })
        {
            await store.AddProgressAsync(new(id, GoalMetric.Meetings, amount, monday.AddDays(-7 * weeksAgo + 1), GoalProgressSource.Typed), rep.Time.GetUtcNow(), default);
        }

        await database.DataSource.ExecuteAsync("update rep_schedule set vacation_from = @from, vacation_until = @until where person_id = @id",
            new { id, from = monday.AddDays(-14).ToDateTime(TimeOnly.MinValue), until = monday.AddDays(-10).ToDateTime(TimeOnly.MinValue) });
        await store.AddProgressAsync(new(id, GoalMetric.Meetings, 3, monday.AddDays(-6), GoalProgressSource.Typed), rep.Time.GetUtcNow(), default);

        var withVacation = (await tracker.StandingsAsync(id, await tracker.CalendarAsync(id, "Europe/Berlin", default), default)).Single().Records;
        await database.DataSource.ExecuteAsync("update rep_schedule set vacation_from = null, vacation_until = null where person_id = @id", new { id });
        var withoutVacation = (await tracker.StandingsAsync(id, await tracker.CalendarAsync(id, "Europe/Berlin", default), default)).Single().Records;

        Assert.Equal((3, 3), (withVacation.CurrentRun, withVacation.LongestRun));
        Assert.Equal((1, 2), (withoutVacation.CurrentRun, withoutVacation.LongestRun));
        Assert.Equal(4, withVacation.BestTotal);
    }
}

using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Hosting;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;
using Hangfire.States;
using Npgsql;

namespace CoachBot.IntegrationTests.Scheduling;

public sealed class DispatchNudgesJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ClearedSchedulesAreRecomputedToTheRepsNextLocalSlot()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 2, nextDueAt: null, timeZone: "America/New_York");

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var due = await harness.ScalarAsync<DateTime>("select max(next_due_at) from rep_schedule where workspace_id = $1", team.Id);
        Assert.Equal(new DateTime(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc), due); // 09:30 EST
        Assert.Empty(await harness.RowsAsync(team.Id));
    }

    [Fact]
    public async Task DueRepsGetOnePendingDeliveryEachAndTheirNextSlot()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 3, nextDueAt: NudgeHarness.Monday0900);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var rows = await harness.RowsAsync(team.Id);
        Assert.Equal(team.PersonIds, rows.Select(r => r.PersonId));
        Assert.All(rows, r => Assert.Equal(("pending", "nudge", NudgeHarness.Monday0900), (r.Status, r.Kind, r.SlotAt)));
        var next = await harness.ScalarAsync<DateTime>("select min(next_due_at) from rep_schedule where workspace_id = $1", team.Id);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public async Task SendBatchesCarryIdsOnlyOnTheSendQueueOneWorkspaceEach()
    {
        var harness = new NudgeHarness(database);
        harness.Options.SendBatchSize = 50;
        var slack = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 120, nextDueAt: NudgeHarness.Monday0900);
        var teams = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 10, nextDueAt: NudgeHarness.Monday0900);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var jobs = harness.Jobs.TakeAll();
        Assert.All(jobs, j => Assert.Equal(("RunAsync", JobQueues.Send), (j.Job.Method.Name, ((EnqueuedState)j.State).Queue)));
        Assert.Equal([10, 20, 50, 50], jobs.Select(j => ((Guid[])j.Job.Args[0]).Length).Order()); // full batches, then the rest
        var slackIds = (await harness.RowsAsync(slack.Id)).Select(r => r.Id).ToHashSet();
        var teamsIds = (await harness.RowsAsync(teams.Id)).Select(r => r.Id).ToHashSet();
        Assert.All(jobs, j => Assert.True(((Guid[])j.Job.Args[0]).All(slackIds.Contains) || ((Guid[])j.Job.Args[0]).All(teamsIds.Contains)));
    }

    [Fact]
    public async Task ASlotIsNeverDeliveredTwiceEvenIfItComesDueAgain()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 2, nextDueAt: NudgeHarness.Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);

        // Someone resets the schedule to the slot that was already dispatched.
        await harness.ExecuteAsync("update rep_schedule set next_due_at = $1 where workspace_id = $2", NudgeHarness.Monday0900, team.Id);
        await harness.Dispatcher().RunAsync(CancellationToken.None);

        Assert.Equal(2, (await harness.RowsAsync(team.Id)).Count);
    }

    [Fact]
    public async Task PausedStoppedAndNotYetDueRepsAreNotDispatched()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 3, nextDueAt: NudgeHarness.Monday0900);
        await harness.ExecuteAsync("update rep_schedule set paused = true where person_id = $1", team.PersonIds[0]);
        await harness.ExecuteAsync("update rep_schedule set stopped = true where person_id = $1", team.PersonIds[1]);
        await harness.ExecuteAsync("update rep_schedule set next_due_at = $1 where person_id = $2", NudgeHarness.Monday0900.AddMinutes(1), team.PersonIds[2]);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        Assert.Empty(await harness.RowsAsync(team.Id));
    }

    [Fact]
    public async Task UnreachableRepsAdvanceWithoutADelivery()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 1, nextDueAt: NudgeHarness.Monday0900);
        await harness.ExecuteAsync("update person set reachable = false where id = $1", team.PersonIds[0]);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        Assert.Empty(await harness.RowsAsync(team.Id));
        Assert.True(await harness.ScalarAsync<DateTime>("select next_due_at from rep_schedule where person_id = $1", team.PersonIds[0]) > NudgeHarness.Monday0900.UtcDateTime);
    }

    [Fact]
    public async Task TwoDispatchersRacingCreateEveryDeliveryExactlyOnce()
    {
        var harness = new NudgeHarness(database);
        harness.Options.DispatchBatchSize = 25;
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 400, nextDueAt: NudgeHarness.Monday0900);
        await using var secondInstance = NpgsqlDataSource.Create(database.ConnectionString);

        await Task.WhenAll(
            Task.Run(() => harness.Dispatcher().RunAsync(CancellationToken.None)),
            Task.Run(() => harness.Dispatcher(secondInstance).RunAsync(CancellationToken.None)));

        var rows = await harness.RowsAsync(team.Id);
        Assert.Equal(400, rows.Count);
        var enqueued = harness.Jobs.TakeAll().SelectMany(j => (Guid[])j.Job.Args[0]).ToList();
        Assert.Equal(400, enqueued.Count);
        Assert.Equal(rows.Select(r => r.Id).Order(), enqueued.Distinct().Order());
    }

    [Fact]
    public async Task DeliveriesLeftSendingByACrashedInstanceAreHandedBackForReconciliation()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 1, nextDueAt: NudgeHarness.Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);
        harness.Jobs.TakeAll();
        await harness.ExecuteAsync("update nudge_delivery set status = 'sending', claimed_by = 'dead', claimed_until = $1 where workspace_id = $2",
            NudgeHarness.Monday0900.AddMinutes(-1), team.Id);

        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var row = Assert.Single(await harness.RowsAsync(team.Id));
        Assert.Equal(("pending", true), (row.Status, row.Reconcile));
        Assert.Equal([row.Id], (Guid[])Assert.Single(harness.Jobs.TakeAll()).Job.Args[0]);
    }
}

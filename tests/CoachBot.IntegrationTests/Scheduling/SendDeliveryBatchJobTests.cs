using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Nudges;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Scheduling;

public sealed class SendDeliveryBatchJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task PendingDeliveriesAreSentWithTheirIdAndRecordedWithTheProviderMessageId()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 3);

        await harness.RunSendJobsAsync();

        Assert.Equal(rows.Select(r => r.Id).Order(), harness.Slack.Sent.Select(s => s.DeliveryId!.Value).Order());
        var after = await harness.RowsAsync(team.Id);
        Assert.All(after, r => Assert.Equal("sent", r.Status));
        Assert.All(after, r => Assert.StartsWith("msg-", r.ProviderMessageId));
        // Sent at 09:00 on a Monday: four working hours later is 13:00.
        Assert.All(after, r => Assert.Equal(NudgeHarness.Monday0900.AddHours(4), r.FollowUpDueAt));
    }

    [Fact]
    public async Task RunningTheSameBatchAgainSendsNothingMore()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 2);
        var ids = rows.Select(r => r.Id).ToArray();
        await harness.Sender().RunAsync(ids, CancellationToken.None);

        await harness.Sender().RunAsync(ids, CancellationToken.None);

        Assert.Equal(2, harness.Teams.Sent.Count);
    }

    [Fact]
    public async Task ANudgeMoreThanTheMaximumLatenessLateExpiresInsteadOfSending()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 1);
        harness.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        Assert.Equal(("expired", "late"), ((await harness.RowAsync(rows[0].Id)).Status, (await harness.RowAsync(rows[0].Id)).LastError));
    }

    [Fact]
    public async Task ARetryableFailureIsRetriedLaterByARescheduledBatch()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 1);
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Retryable, "503"));
        harness.Jobs.TakeAll();

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        var row = await harness.RowAsync(rows[0].Id);
        Assert.Equal(("pending", 1, "503"), (row.Status, row.Attempts, row.LastError));
        Assert.InRange(row.NextAttemptAt - harness.Clock.GetUtcNow(), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(64));
        var retry = Assert.Single(harness.Jobs.TakeAll());
        Assert.Equal([rows[0].Id], (Guid[])retry.Job.Args[0]);

        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);
        Assert.Equal("sent", (await harness.RowAsync(rows[0].Id)).Status);
        Assert.Single(harness.Teams.Sent);
    }

    [Fact]
    public async Task ADeliveryFailsAfterTheLastAllowedAttempt()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 1, h => h.Options.MaxAttempts = 2);
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Retryable, "502"), new ChatDeliveryException(ChatFailureKind.Retryable, "504"));

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        var row = await harness.RowAsync(rows[0].Id);
        Assert.Equal(("failed", 2, "504"), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task A429ReschedulesTheRestOfTheBatchAfterRetryAfter()
    {
        // One send in flight at a time, so the 429 is the first send and the other two have not started. Blocking the
        // workspace's key for every instance is the platform client's part (SlackMessengerTests, TeamsMessengerTests).
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 3, h => h.Options.SendConcurrency = 1);
        harness.Slack.FailNext(new ChatDeliveryException(ChatFailureKind.Retryable, "ratelimited", TimeSpan.FromSeconds(30)));
        harness.Jobs.TakeAll();
        var ids = rows.Select(r => r.Id).ToArray();

        await harness.Sender().RunAsync(ids, CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        var first = await harness.RowAsync(ids[0]);
        Assert.Equal(("pending", "ratelimited"), (first.Status, first.LastError));
        Assert.Equal(harness.Clock.GetUtcNow().AddSeconds(30), first.NextAttemptAt);
        var retry = Assert.Single(await harness.RunSendJobsAsync());
        Assert.Equal(ids, retry.Ids);
        Assert.InRange(retry.Delay.TotalSeconds, 25, 30);
    }

    [Fact]
    public async Task AThrottledWorkspaceIsRescheduledWithoutDelayingAnotherWorkspace()
    {
        var harness = new NudgeHarness(database);
        var busy = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 2, NudgeHarness.Monday0900);
        var other = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 2, NudgeHarness.Monday0900);
        await harness.ExecuteAsync("insert into rate_gate (key, next_at) values ($1, clock_timestamp() + interval '45 seconds')", $"slack:{busy.ExternalId}:post");
        await harness.Dispatcher().RunAsync(CancellationToken.None);

        var started = DateTime.UtcNow;
        var rescheduled = await harness.RunSendJobsAsync();

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "no worker slept on the throttled workspace");
        Assert.All(await harness.RowsAsync(other.Id), r => Assert.Equal("sent", r.Status));
        Assert.All(await harness.RowsAsync(busy.Id), r => Assert.Equal(("pending", 0), (r.Status, r.Attempts)));
        // Pushed back to when the key frees up, so the orphan sweep does not take them for lost.
        Assert.All(await harness.RowsAsync(busy.Id), r => Assert.True(r.NextAttemptAt > harness.Clock.GetUtcNow().AddSeconds(30)));
        var retry = Assert.Single(rescheduled);
        Assert.InRange(retry.Delay.TotalSeconds, 30, 45);
    }

    [Fact]
    public async Task APermanentFailureFailsTheDeliveryOnly()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 2, h => h.Options.SendConcurrency = 1);
        harness.Slack.FailNext(new ChatDeliveryException(ChatFailureKind.Permanent, "invalid_blocks"));

        await harness.Sender().RunAsync(rows.Select(r => r.Id).ToArray(), CancellationToken.None);

        Assert.Equal(("failed", "invalid_blocks"), ((await harness.RowAsync(rows[0].Id)).Status, (await harness.RowAsync(rows[0].Id)).LastError));
        Assert.Equal("sent", (await harness.RowAsync(rows[1].Id)).Status);
    }

    [Fact]
    public async Task AnUnreachableRepIsMarkedUnreachable()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 1);
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Unreachable, "403:BotBlocked"));

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        Assert.Equal("failed", (await harness.RowAsync(rows[0].Id)).Status);
        Assert.False(await harness.ScalarAsync<bool>("select reachable from person where id = $1", team.PersonIds[0]));
    }

    [Theory]
    [InlineData(ChatPlatform.Slack)]
    [InlineData(ChatPlatform.Teams)]
    public async Task AWorkerWhoseClaimExpiredBeforeTheSendDoesNotSend(ChatPlatform platform)
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, platform, reps: 1);
        var ledger = new DeliveryLedger(harness.DataSource);
        var now = harness.Clock.GetUtcNow();
        var claimed = Assert.Single(await ledger.ClaimAsync([rows[0].Id], "worker-a", now, now.AddHours(-2), TimeSpan.FromMinutes(2), CancellationToken.None));

        // Worker A stalls past its lease (pacing, GC, a slow host); the sweep or worker B takes the row over.
        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var later = harness.Clock.GetUtcNow();
        Assert.Single(await ledger.ClaimAsync([rows[0].Id], "worker-b", later, later.AddHours(-2), TimeSpan.FromMinutes(2), CancellationToken.None));
        await harness.Attempt().RunAsync(claimed, "worker-a", prepaid: null, CancellationToken.None);

        Assert.Empty(platform == ChatPlatform.Slack ? harness.Slack.Sent : harness.Teams.Sent);
        Assert.Equal("worker-b", await harness.ScalarAsync<string>("select claimed_by from nudge_delivery where id = $1", rows[0].Id));
    }

    [Fact]
    public async Task TheManagerOfAnUnreachableRepIsToldOnce()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 1);
        var managerId = await harness.ScalarAsync<long>(
            "insert into person (workspace_id, platform_user_id, display_name, role) values ($1, 'M-unreach', 'Mia Manager', 'manager') returning id", team.Id);
        await harness.ScalarAsync<int>("update person set manager_id = $1 where id = $2 returning 1", managerId, team.PersonIds[0]);
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Unreachable, "403:BotBlocked"));

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        var notice = Assert.Single(harness.Teams.Sent, s => s.Person.UserId == "M-unreach");
        Assert.Contains("can no longer reach", notice.Text);
        Assert.Null(notice.DeliveryId);
    }

    [Fact]
    public async Task AWorkspaceFatalErrorDisablesTheWorkspaceAndStopsItsOtherSends()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 3, h => h.Options.SendConcurrency = 1);
        harness.Slack.FailNext(new ChatDeliveryException(ChatFailureKind.WorkspaceFatal, "token_revoked"));

        await harness.Sender().RunAsync(rows.Select(r => r.Id).ToArray(), CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        Assert.Equal(["token_revoked", "workspace_disabled", "workspace_disabled"], (await harness.RowsAsync(team.Id)).Select(r => r.LastError));
        Assert.Equal("token_revoked", await harness.ScalarAsync<string>("select disabled_reason from workspace where id = $1", team.Id));
    }

    [Fact]
    public async Task ADeliveryForARepWhoPausedAfterDispatchExpires()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 1);
        await harness.ExecuteAsync("update rep_schedule set paused = true where person_id = $1", team.PersonIds[0]);

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        Assert.Empty(harness.Teams.Sent);
        Assert.Equal(("expired", "paused"), ((await harness.RowAsync(rows[0].Id)).Status, (await harness.RowAsync(rows[0].Id)).LastError));
    }

    [Fact]
    public async Task GracefulShutdownHandsTheInFlightDeliveryBackAtOnce()
    {
        var (harness, _, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 2, h => h.Options.SendConcurrency = 1);
        harness.Slack.Hold = new TaskCompletionSource();
        using var shutdown = new CancellationTokenSource();

        var run = harness.Sender().RunAsync(rows.Select(r => r.Id).ToArray(), shutdown.Token);
        await harness.Slack.WaitUntilEnteredAsync(1);

        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var first = await harness.RowAsync(rows[0].Id);
        Assert.Equal(("pending", true, 0), (first.Status, first.Reconcile, first.Attempts));
        Assert.Equal(("pending", false), ((await harness.RowAsync(rows[1].Id)).Status, (await harness.RowAsync(rows[1].Id)).Reconcile));
    }

    [Fact]
    public async Task GracefulShutdownHandsBackEverySendOfAChunkInFlight()
    {
        var (harness, team, _) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps: 3, h => h.Options.SendConcurrency = 8);
        harness.Teams.Hold = new TaskCompletionSource();
        using var shutdown = new CancellationTokenSource();
        var ids = (await harness.RowsAsync(team.Id)).Select(r => r.Id).ToArray();

        var run = harness.Sender().RunAsync(ids, shutdown.Token);
        await harness.Teams.WaitUntilEnteredAsync(3);

        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.All(await harness.RowsAsync(team.Id), r => Assert.Equal(("pending", true), (r.Status, r.Reconcile)));
        Assert.Empty(harness.Teams.Sent);
    }
}

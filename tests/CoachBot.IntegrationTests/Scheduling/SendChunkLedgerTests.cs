using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;
using Npgsql;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>
/// The send path's ledger writes per chunk (issue 14): the database time of a large send went into two single-row
/// updates per nudge. A chunk is now taken in one statement and recorded in one. On Teams the take marks rows in flight,
/// so a row whose slot is later than now is taken only just before its own call: a crash while it waits leaves no mark.
/// </summary>
public sealed class SendChunkLedgerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(ChatPlatform.Slack, 100_000, 1)]
    [InlineData(ChatPlatform.Teams, 100_000, 1)]
    // Teams at 4 a second: the slots spread over two seconds, so each row is taken (and marked in flight) only at its own slot.
    [InlineData(ChatPlatform.Teams, 4, 8)]
    public async Task AChunkOfEightIsTakenAndRecordedSentTogether(ChatPlatform platform, int rate, int takes)
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, platform, reps: 8, h =>
        {
            h.TeamsOptions.RequestsPerSecondPerTenant = Math.Min(rate, 10_000);
            h.SlackOptions.PostPerWorkspacePerMinute = rate;
            h.Options.MaxRateWait = TimeSpan.FromSeconds(10);
        });
        await using var counter = PgRoundTripCounter.To(database.ConnectionString);
        await using var counted = NpgsqlDataSource.Create(counter.Through(database.ConnectionString) + ";Application Name=ledger");
        var mark = counter.Mark();

        await harness.Sender(counted).RunAsync(rows.Select(r => r.Id).ToArray(), CancellationToken.None);

        var statements = counter.Since(mark, a => a == "ledger").SelectMany(t => t.Sql).ToList();
        Assert.Equal(1, statements.Count(s => s.Contains("set status = 'sent'", StringComparison.Ordinal)));
        Assert.Equal(takes, statements.Count(s => s.Contains("in_flight_at = case when", StringComparison.Ordinal)));
        var after = await harness.RowsAsync(team.Id);
        Assert.All(after, r => Assert.Equal("sent", r.Status));
        Assert.Equal(8, after.Select(r => r.ProviderMessageId).Distinct().Count());
        Assert.All(after, r => Assert.Equal(NudgeHarness.Monday0900.AddHours(4), r.FollowUpDueAt));
    }

    [Fact]
    public async Task APermanentFailureInAChunkFailsThatRowAndTheOthersAreStillRecordedSent()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 4);
        harness.Slack.FailNext(new ChatDeliveryException(ChatFailureKind.Permanent, "msg_too_long"));

        await harness.Sender().RunAsync(rows.Select(r => r.Id).ToArray(), CancellationToken.None);

        var after = await harness.RowsAsync(team.Id);
        Assert.Equal(3, after.Count(r => r.Status == "sent" && r.ProviderMessageId is not null));
        Assert.Equal(("failed", "msg_too_long"), after.Where(r => r.Status != "sent").Select(r => (r.Status, r.LastError)).Single());
        Assert.Equal(3, harness.Slack.Sent.Count);
    }

    [Fact]
    public async Task AChunkCancelledWhileSomeSendsAreInFlightRecordsTheSentOnesAndHandsTheRestBack()
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Slack, reps: 3);
        // The first send goes through; the other two are held in flight until the job is cancelled.
        harness.Slack.Hold = new TaskCompletionSource();
        harness.Slack.HoldFrom = 1;
        using var stop = new CancellationTokenSource();

        var run = harness.Sender().RunAsync(rows.Select(r => r.Id).ToArray(), stop.Token);
        await harness.Slack.WaitUntilEnteredAsync(3);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var after = await harness.RowsAsync(team.Id);
        Assert.Equal(1, after.Count(r => r.Status == "sent"));
        // Those in flight at the cancel go back to pending, to be looked up on Slack before any resend.
        Assert.Equal(2, after.Count(r => r is { Status: "pending", Reconcile: true }));
    }
}

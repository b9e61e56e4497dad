using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Scheduling;

public sealed class FollowUpNudgesJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static async Task<(NudgeHarness Harness, NudgeSeed.Workspace Team, DeliveryRow Nudge)> SentNudgeAsync(PostgresDatabase database)
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 1, NudgeHarness.Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);
        await harness.RunSendJobsAsync();
        return (harness, team, Assert.Single(await harness.RowsAsync(team.Id)));
    }

    [Fact]
    public async Task NoFollowUpBeforeTheUnansweredTimeHasPassed()
    {
        var (harness, team, _) = await SentNudgeAsync(database);
        harness.Clock.Advance(TimeSpan.FromHours(3));

        await harness.FollowUps().RunAsync(CancellationToken.None);

        Assert.Single(await harness.RowsAsync(team.Id));
    }

    [Fact]
    public async Task AnUnansweredNudgeGetsExactlyOneFollowUp()
    {
        var (harness, team, nudge) = await SentNudgeAsync(database);
        harness.Clock.Advance(TimeSpan.FromHours(4));

        await harness.FollowUps().RunAsync(CancellationToken.None);
        await harness.FollowUps().RunAsync(CancellationToken.None);
        await harness.RunSendJobsAsync();

        var followUp = Assert.Single(await harness.RowsAsync(team.Id), r => r.Kind == "follow_up");
        Assert.Equal((nudge.Id, "sent", NudgeHarness.Monday0900.AddHours(4)), (followUp.ParentId!.Value, followUp.Status, followUp.SlotAt));
        Assert.Equal("Following up", harness.Slack.Sent.Last().Text);
        Assert.Null(followUp.FollowUpDueAt); // a follow-up is never followed up
    }

    [Fact]
    public async Task AnAnsweredNudgeGetsNoFollowUp()
    {
        var (harness, team, nudge) = await SentNudgeAsync(database);
        Assert.True(await harness.Deliveries.MarkAnsweredAsync(nudge.Id, CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromHours(5));

        await harness.FollowUps().RunAsync(CancellationToken.None);

        Assert.Single(await harness.RowsAsync(team.Id));
    }

    [Fact]
    public async Task AnAnswerArrivingAfterTheFollowUpWasQueuedStillCancelsIt()
    {
        var (harness, team, _) = await SentNudgeAsync(database);
        harness.Clock.Advance(TimeSpan.FromHours(4));
        await harness.FollowUps().RunAsync(CancellationToken.None);

        var answered = await harness.Deliveries.MarkLatestAnsweredAsync(team.PersonIds[0], CancellationToken.None);
        Assert.NotNull(answered);
        await harness.RunSendJobsAsync();

        var followUp = Assert.Single(await harness.RowsAsync(team.Id), r => r.Kind == "follow_up");
        Assert.Equal(("expired", "answered"), (followUp.Status, followUp.LastError));
        Assert.Single(harness.Slack.Sent);
    }

    [Fact]
    public async Task PausedRepsGetNoFollowUp()
    {
        var (harness, team, _) = await SentNudgeAsync(database);
        await harness.ExecuteAsync("update rep_schedule set paused = true where person_id = $1", team.PersonIds[0]);
        harness.Clock.Advance(TimeSpan.FromHours(5));

        await harness.FollowUps().RunAsync(CancellationToken.None);

        Assert.Single(await harness.RowsAsync(team.Id));
    }

    [Fact]
    public async Task MarkingAnUnknownDeliveryAnsweredReportsFalse()
    {
        var harness = new NudgeHarness(database);

        Assert.False(await harness.Deliveries.MarkAnsweredAsync(Guid.NewGuid(), CancellationToken.None));
    }
}

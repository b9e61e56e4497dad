using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Hosting;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>A crash between "platform accepted" and "ledger recorded": the row is left 'sending' with a lease that runs out.</summary>
public sealed class ReconciliationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static async Task<(NudgeHarness Harness, NudgeSeed.Workspace Team, DeliveryRow Row)> CrashedMidSendAsync(
        PostgresDatabase database, ChatPlatform platform, bool platformHasIt, UnknownOutcomePolicy policy = UnknownOutcomePolicy.AtMostOnce, bool callStarted = true)
    {
        var harness = new NudgeHarness(database);
        harness.Options.UnknownOutcomePolicy = policy;
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, platform, reps: 1, NudgeHarness.Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);
        var row = Assert.Single(await harness.RowsAsync(team.Id));
        await harness.ExecuteAsync(
            "update nudge_delivery set status = 'sending', attempts = 1, claimed_by = 'killed-instance', claimed_until = $1, in_flight_at = $2 where id = $3",
            harness.Clock.GetUtcNow().AddMinutes(2), callStarted ? harness.Clock.GetUtcNow() : DBNull.Value, row.Id);
        var messenger = platform == ChatPlatform.Slack ? harness.Slack : harness.Teams;
        if (platformHasIt)
        {
            messenger.AlreadyDelivered[row.Id] = new SentMessage(new ChatAddress(platform, team.ExternalId, "D1"), "1772442000.000100");
        }

        harness.Jobs.TakeAll();
        harness.Clock.Advance(TimeSpan.FromMinutes(3)); // the lease runs out
        return (harness, team, row);
    }

    [Fact]
    public async Task ALiveLeaseIsLeftAlone()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 1, NudgeHarness.Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);
        var row = Assert.Single(await harness.RowsAsync(team.Id));
        await harness.ExecuteAsync("update nudge_delivery set status = 'sending', claimed_by = 'other', claimed_until = $1 where id = $2", harness.Clock.GetUtcNow().AddMinutes(2), row.Id);

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        Assert.Equal("sending", (await harness.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task SlackDeliveryFoundInTheDmIsRecordedSentWithoutResending()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Slack, platformHasIt: true);

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        Assert.Equal([row.Id], harness.Slack.Searched);
        var after = await harness.RowAsync(row.Id);
        Assert.Equal(("sent", "1772442000.000100"), (after.Status, after.ProviderMessageId));
    }

    [Fact]
    public async Task SlackDeliveryMissingFromTheDmIsSentOnce()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Slack, platformHasIt: false);

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);
        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Equal([row.Id], harness.Slack.Searched);
        Assert.Equal(row.Id, Assert.Single(harness.Slack.Sent).DeliveryId);
        Assert.Equal("sent", (await harness.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task TheOrphanSweepThenTheSenderReconcileAfterACrash()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Slack, platformHasIt: true);

        await harness.Dispatcher().RunAsync(CancellationToken.None);
        await harness.RunSendJobsAsync();

        // The sweep is global, so other tests' leftovers may be sent too; this delivery must not be.
        Assert.DoesNotContain(harness.Slack.Sent, s => s.DeliveryId == row.Id);
        Assert.Equal("sent", (await harness.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task TeamsDeliveryWithAnUnknownOutcomeIsNotResentByDefault()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Teams, platformHasIt: true);

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Teams.Sent);
        Assert.Equal(("unknown", "crashed_mid_send"), ((await harness.RowAsync(row.Id)).Status, (await harness.RowAsync(row.Id)).LastError));
    }

    [Fact]
    public async Task TeamsDeliveryClaimedButNeverHandedToThePlatformIsSimplySent()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Teams, platformHasIt: false, callStarted: false);

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Equal(row.Id, Assert.Single(harness.Teams.Sent).DeliveryId);
        Assert.Equal("sent", (await harness.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task TeamsDeliveryIsResentWhenConfiguredAtLeastOnce()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Teams, platformHasIt: false, UnknownOutcomePolicy.AtLeastOnce);

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Equal(row.Id, Assert.Single(harness.Teams.Sent).DeliveryId);
        Assert.Equal("sent", (await harness.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task AnAbandonedSendTooLateToResendExpiresAfterTheSearchComesBackEmpty()
    {
        var (harness, _, row) = await CrashedMidSendAsync(database, ChatPlatform.Slack, platformHasIt: false);
        harness.Clock.Advance(TimeSpan.FromHours(3));

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        Assert.Equal("expired", (await harness.RowAsync(row.Id)).Status);
    }
}

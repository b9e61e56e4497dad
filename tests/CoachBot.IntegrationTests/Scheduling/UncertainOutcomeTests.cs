using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Hosting;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>
/// Sends that fail after the request may have reached the platform (timeouts, gateway errors), and claims that are
/// handed back before deciding: none of them may lead to a blind resend.
/// </summary>
public sealed class UncertainOutcomeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static async Task<(NudgeHarness Harness, NudgeSeed.Workspace Team, DeliveryRow Row)> DispatchedAsync(
        PostgresDatabase database, ChatPlatform platform, UnknownOutcomePolicy policy = UnknownOutcomePolicy.AtMostOnce)
    {
        var (harness, team, rows) = await NudgeHarness.DispatchedAsync(database, platform, reps: 1, h => h.Options.UnknownOutcomePolicy = policy);
        harness.Jobs.TakeAll();
        return (harness, team, Assert.Single(rows));
    }

    private static ChatDeliveryException MayHaveArrived(ChatFailureKind kind, string code) => new(kind, code) { MayHaveArrived = true };

    [Fact]
    public async Task ATeamsSendWhoseOutcomeIsUnknownIsRecordedUnknownAndNeverResent()
    {
        var (harness, _, row) = await DispatchedAsync(database, ChatPlatform.Teams);
        harness.Teams.FailNext(MayHaveArrived(ChatFailureKind.Permanent, "unknown-outcome"));

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Teams.Sent);
        var after = await harness.RowAsync(row.Id);
        Assert.Equal(("unknown", "unknown-outcome", 1), (after.Status, after.LastError, after.Attempts));
    }

    [Fact]
    public async Task ATeamsGatewayErrorThatMayHaveArrivedIsResentOnlyWhenConfiguredAtLeastOnce()
    {
        var (harness, _, row) = await DispatchedAsync(database, ChatPlatform.Teams, UnknownOutcomePolicy.AtLeastOnce);
        harness.Teams.FailNext(MayHaveArrived(ChatFailureKind.Retryable, "504"));

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);
        var retrying = await harness.RowAsync(row.Id);
        Assert.Equal(("pending", "504"), (retrying.Status, retrying.LastError));

        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Equal(row.Id, Assert.Single(harness.Teams.Sent).DeliveryId);
        Assert.Equal("sent", (await harness.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task ASlackTimeoutIsSearchedForBeforeAnyResend()
    {
        var (harness, team, row) = await DispatchedAsync(database, ChatPlatform.Slack);
        harness.Slack.FailNext(MayHaveArrived(ChatFailureKind.Retryable, "timeout"));

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);
        Assert.Equal(("pending", "timeout"), ((await harness.RowAsync(row.Id)).Status, (await harness.RowAsync(row.Id)).LastError));
        // Slack did accept the post before the answer was lost.
        harness.Slack.AlreadyDelivered[row.Id] = new SentMessage(new ChatAddress(ChatPlatform.Slack, team.ExternalId, "D1"), "1772442000.000200");

        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Slack.Sent);
        Assert.Equal([row.Id], harness.Slack.Searched);
        Assert.Equal(("sent", "1772442000.000200"), ((await harness.RowAsync(row.Id)).Status, (await harness.RowAsync(row.Id)).ProviderMessageId));
    }

    [Fact]
    public async Task ATeams429IsCertainlyNotDeliveredSoTheRetrySendsIt()
    {
        var (harness, team, row) = await DispatchedAsync(database, ChatPlatform.Teams);
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Retryable, "429", TimeSpan.FromSeconds(1)));

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);
        Assert.False(await harness.ScalarAsync<bool>("select in_flight_at is not null from nudge_delivery where id = $1", row.Id));

        // The 429 blocked the tenant on the database clock; lift it rather than wait a real second.
        await harness.ExecuteAsync("delete from rate_gate where key = $1", $"teams:{team.ExternalId}");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Equal(row.Id, Assert.Single(harness.Teams.Sent).DeliveryId);
        Assert.Equal(("sent", 2), ((await harness.RowAsync(row.Id)).Status, (await harness.RowAsync(row.Id)).Attempts));
    }

    [Fact]
    public async Task AnAbandonedTeamsSendHandedBackByAThrottledBatchIsStillNotResent()
    {
        // The benchmark's duplicate: a send in flight at a kill; after the restart a batch claims the row, finds the
        // tenant throttled and hands the claim back; the next claim must still know a call may have reached Teams.
        var (harness, team, row) = await DispatchedAsync(database, ChatPlatform.Teams);
        await harness.ExecuteAsync(
            "update nudge_delivery set status = 'sending', attempts = 1, claimed_by = 'killed-instance', claimed_until = $1, in_flight_at = $2 where id = $3",
            harness.Clock.GetUtcNow().AddMinutes(2), harness.Clock.GetUtcNow(), row.Id);
        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        await harness.ExecuteAsync("insert into rate_gate (key, next_at) values ($1, clock_timestamp() + interval '45 seconds')", $"teams:{team.ExternalId}");

        await harness.Sender().RunAsync([row.Id], CancellationToken.None);
        Assert.Equal("pending", (await harness.RowAsync(row.Id)).Status);

        await harness.ExecuteAsync("delete from rate_gate where key = $1", $"teams:{team.ExternalId}");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Sender().RunAsync([row.Id], CancellationToken.None);

        Assert.Empty(harness.Teams.Sent);
        Assert.Equal(("unknown", "crashed_mid_send"), ((await harness.RowAsync(row.Id)).Status, (await harness.RowAsync(row.Id)).LastError));
    }
}

using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Scheduling;

/// <summary>
/// A send job that still holds its workspace's rate carries on with that workspace's other due deliveries, so the
/// rate is not left idle while batches that stepped aside wait for Hangfire's scheduler.
/// </summary>
public sealed class SendLaneTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static async Task<(NudgeHarness Harness, NudgeSeed.Workspace Team, List<DeliveryRow> Rows)> DispatchedAsync(
        PostgresDatabase database, int reps, Action<NudgeHarness>? arrange = null)
    {
        var dispatched = await NudgeHarness.DispatchedAsync(database, ChatPlatform.Teams, reps, arrange);
        dispatched.Harness.Jobs.TakeAll();
        return dispatched;
    }

    [Fact]
    public async Task ABatchThatHoldsTheRateAlsoSendsItsWorkspacesOtherDueDeliveries()
    {
        var (harness, team, rows) = await DispatchedAsync(database, reps: 4);

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        Assert.Equal(rows.Select(r => r.Id).Order(), harness.Teams.Sent.Select(s => s.DeliveryId!.Value).Order());
        Assert.All(await harness.RowsAsync(team.Id), r => Assert.Equal("sent", r.Status));
    }

    [Fact]
    public async Task DeliveriesNotYetDueAndOtherWorkspacesAreLeftToTheirOwnJobs()
    {
        var (harness, _, rows) = await DispatchedAsync(database, reps: 3);
        var other = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 2, NudgeHarness.Monday0900);
        await harness.Dispatcher().RunAsync(CancellationToken.None);
        harness.Jobs.TakeAll();
        await harness.ExecuteAsync("update nudge_delivery set next_attempt_at = $1 where id = $2", harness.Clock.GetUtcNow().AddMinutes(1), rows[2].Id);

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        Assert.Equal(new[] { rows[0].Id, rows[1].Id }.Order(), harness.Teams.Sent.Select(s => s.DeliveryId!.Value).Order());
        Assert.Equal("pending", (await harness.RowAsync(rows[2].Id)).Status);
        Assert.All(await harness.RowsAsync(other.Id), r => Assert.Equal("pending", r.Status));
    }

    [Fact]
    public async Task AZeroBudgetSendsOnlyTheBatchsOwnDeliveries()
    {
        var (harness, _, rows) = await DispatchedAsync(database, reps: 3, h => h.Options.SendLaneBudget = TimeSpan.Zero);

        await harness.Sender().RunAsync([rows[0].Id], CancellationToken.None);

        Assert.Equal(rows[0].Id, Assert.Single(harness.Teams.Sent).DeliveryId);
    }
}

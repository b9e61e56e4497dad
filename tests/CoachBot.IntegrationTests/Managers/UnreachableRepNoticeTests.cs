using CoachBot.Coaching.Chat;
using CoachBot.IntegrationTests.Scheduling;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Managers;

// "Once, never again every day": the manager hears about a lost rep on the day it happens, not on every day after.
public sealed class UnreachableRepNoticeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task TheManagerIsToldOncePerLossAndNotAgainOnTheNextDaysRun()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 2, nextDueAt: NudgeHarness.Monday0900);
        var (rep, manager) = (team.PersonIds[0], team.PersonIds[1]);
        await harness.ExecuteAsync("update person set role = 'manager' where id = $1", manager);
        await harness.ExecuteAsync("update person set manager_id = $2 where id = $1", rep, manager);
        await harness.ExecuteAsync("delete from rep_schedule where person_id = $1", manager);
        var managerKey = new PersonKey(ChatPlatform.Teams, team.ExternalId, "U2");
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Unreachable, "403 BotNotInConversationRoster"));

        await harness.Dispatcher().RunAsync(CancellationToken.None);
        await harness.RunSendJobsAsync();
        var afterFirstDay = NoticesTo(harness, managerKey);
        for (var day = 1; day <= 2; day++)
        {
            harness.Clock.Advance(TimeSpan.FromDays(1));
            await harness.Dispatcher().RunAsync(CancellationToken.None);
            await harness.RunSendJobsAsync();
        }

        Assert.Equal(["CoachBot can no longer reach one of your reps."], afterFirstDay);
        Assert.Equal(afterFirstDay, NoticesTo(harness, managerKey));
        Assert.Single(await harness.RowsAsync(team.Id));
        Assert.Equal("403 BotNotInConversationRoster", await harness.ScalarAsync<string>("select unreachable_reason from person where id = $1", rep));
    }

    private static List<string> NoticesTo(NudgeHarness harness, PersonKey manager) =>
        [.. harness.Teams.Sent.Where(s => s.Person == manager).Select(s => s.Text)];
}

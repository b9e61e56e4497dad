using CoachBot.Coaching.Chat;
using CoachBot.IntegrationTests.Scheduling;
using CoachBot.Testing;
using CoachBot.Testing.Scheduling;

namespace CoachBot.IntegrationTests.Managers;

// "Once, never again every day": the manager hears about a lost rep on the day it happens, not on every day after; a rep
// on Slack and Teams is lost only when both are, and then the manager hears once, with both reasons.
public sealed class UnreachableRepNoticeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task TheManagerIsToldOncePerLossAndNotAgainOnTheNextDaysRun()
    {
        var harness = new NudgeHarness(database);
        var team = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 2, nextDueAt: NudgeHarness.Monday0900);
        var (rep, _) = await RepAndManagerAsync(harness, team, email: null);
        var managerKey = new PersonKey(ChatPlatform.Teams, team.ExternalId, "U2");
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Unreachable, "403 BotNotInConversationRoster"));

        await harness.Dispatcher().RunAsync(CancellationToken.None);
        await harness.RunSendJobsAsync();
        var afterFirstDay = NoticesTo(harness, managerKey);
        await RunDaysAsync(harness, 2);

        Assert.Equal(["CoachBot can no longer reach one of your reps."], afterFirstDay);
        Assert.Equal(afterFirstDay, NoticesTo(harness, managerKey));
        Assert.Single(await harness.RowsAsync(team.Id));
        Assert.Equal("403 BotNotInConversationRoster", await harness.ScalarAsync<string>("select unreachable_reason from person where id = $1", rep));
    }

    [Fact]
    public async Task ARepLostOnTeamsButReachableOnSlackIsNoLossAndLostOnBothTheManagerHearsOnceWithBothReasons()
    {
        var harness = new NudgeHarness(database);
        var email = $"robin-{Guid.NewGuid():N}@example.com";
        var slack = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Slack, reps: 2, nextDueAt: NudgeHarness.Monday0900);
        var teams = await NudgeSeed.AddWorkspaceAsync(harness.DataSource, ChatPlatform.Teams, reps: 2, nextDueAt: NudgeHarness.Monday0900);
        var (slackRep, _) = await RepAndManagerAsync(harness, slack, email);
        await RepAndManagerAsync(harness, teams, email.ToUpperInvariant());
        var slackManager = new PersonKey(ChatPlatform.Slack, slack.ExternalId, "U2");
        var teamsManager = new PersonKey(ChatPlatform.Teams, teams.ExternalId, "U2");
        harness.Teams.FailNext(new ChatDeliveryException(ChatFailureKind.Unreachable, "403 BotNotInConversationRoster"));

        await RunDaysAsync(harness, 1, advance: false);
        var whileOnSlack = Notices(harness);
        harness.Slack.FailNext(new ChatDeliveryException(ChatFailureKind.Unreachable, "account_inactive"));
        harness.Clock.Advance(TimeSpan.FromDays(1));
        // Their next Slack nudge is due now, whatever the sprint schedule says.
        await harness.ExecuteAsync("update rep_schedule set next_due_at = $2 where person_id = $1", slackRep, harness.Clock.GetUtcNow());
        await RunDaysAsync(harness, 1, advance: false);
        Assert.Equal("account_inactive", await harness.ScalarAsync<string>("select unreachable_reason from person where id = $1", slackRep));
        await RunDaysAsync(harness, 3);

        Assert.Empty(whileOnSlack);
        var notice = Assert.Single(Notices(harness));
        Assert.Equal(slackManager, notice.Person);
        var fields = notice.Message.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("Slack and Teams", fields["Platform"]);
        Assert.Equal("Slack: Their Slack account is deactivated or gone. Teams: CoachBot's Teams app is not installed for them.", fields["Reason"]);
        Assert.DoesNotContain(harness.Teams.Sent, s => s.Person == teamsManager);
    }

    private static async Task<(long Rep, long Manager)> RepAndManagerAsync(NudgeHarness harness, NudgeSeed.Workspace team, string? email)
    {
        var (rep, manager) = (team.PersonIds[0], team.PersonIds[1]);
        await harness.ExecuteAsync("update person set role = 'manager' where id = $1", manager);
        await harness.ExecuteAsync("update person set manager_id = $2 where id = $1", rep, manager);
        if (email is not null)
        {
            await harness.ExecuteAsync("update person set email = $2 where id = $1", rep, email);
        }

        await harness.ExecuteAsync("delete from rep_schedule where person_id = $1", manager);
        return (rep, manager);
    }

    private static async Task RunDaysAsync(NudgeHarness harness, int days, bool advance = true)
    {
        for (var day = 1; day <= days; day++)
        {
            if (advance)
            {
                harness.Clock.Advance(TimeSpan.FromDays(1));
            }

            await harness.Dispatcher().RunAsync(CancellationToken.None);
            await harness.RunSendJobsAsync();
        }
    }

    private static List<(PersonKey Person, CoachMessage Message)> Notices(NudgeHarness harness) =>
        [.. harness.Slack.Messages.Concat(harness.Teams.Messages).Where(m => m.Message.DeliveryId is null)];

    private static List<string> NoticesTo(NudgeHarness harness, PersonKey manager) =>
        [.. harness.Teams.Sent.Where(s => s.Person == manager).Select(s => s.Text)];
}

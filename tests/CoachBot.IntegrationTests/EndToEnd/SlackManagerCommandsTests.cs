using CoachBot.Testing;

namespace CoachBot.IntegrationTests.EndToEnd;

// A manager's read-only commands on Slack, once their rep has a real schedule row (issue 12, defect 1).
public sealed class SlackManagerCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task RepsRepAndNudgeAnswerOnceTheRepHasASchedule()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        await team.NudgeRepAsync();
        await team.CommandAsync(SlackTeam.Manager, $"schedule <@{SlackTeam.Rep}> 10:00,15:30 mon-thu");

        var reps = await team.CommandAsync(SlackTeam.Manager, "reps");
        var rep = await team.CommandAsync(SlackTeam.Manager, $"rep <@{SlackTeam.Rep}>");
        var nudge = await team.CommandAsync(SlackTeam.Manager, $"nudge <@{SlackTeam.Rep}>");

        Assert.Contains("Your reps (1):", reps);
        Assert.Contains("Sam Rep · driver · sprint", reps);
        Assert.Contains("Sam Rep's coaching profile", rep);
        Assert.Contains("10:00, 15:30 on Mon,Tue,Wed,Thu", rep);
        Assert.Contains("Sam Rep's next nudge is being worked out (10:00, 15:30 on Mon,Tue,Wed,Thu)", nudge);
        foreach (var answer in new[] { reps, rep, nudge })
        {
            Assert.DoesNotContain("Sorry", answer, StringComparison.OrdinalIgnoreCase);
        }
    }
}

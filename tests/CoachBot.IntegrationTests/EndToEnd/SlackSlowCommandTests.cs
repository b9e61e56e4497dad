using System.Text.Json.Nodes;
using CoachBot.Bot.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.EndToEnd;

// Issue 12 defect 16: a /coach command that outruns the ack budget after its state change must still finish.
public sealed class SlackSlowCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AnAckSlowedAfterTheStateChangeStillTellsTheRepAndAnswersTheManagerOnce()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();
        var reference = await team.NeedHelpAndShareAsync(await team.NudgeRepAsync());
        var repMessages = team.TextsIn(SlackTeam.Rep).Count;

        // The card refresh comes after the escalation is marked acknowledged and before the rep's DM: Slack is slow there.
        var slowCard = team.Slack.HoldNext("chat.update");
        var responseUrl = team.Slack.NewResponseUrl();
        var posting = team.Client.SendAsync("/slack/commands",
            SlackTestClient.FormBytes(SlackPayloads.Command(SlackTeam.Manager, $"ack {reference}", responseUrl)), SlackTestClient.Form, team.App.Clock.GetUtcNow());
        await slowCard.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
        team.App.Clock.Advance(SlackCommandsEndpoint.Budget);
        using var response = await posting;

        Assert.Equal(SlackCommandsEndpoint.WorkingOnIt, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]);

        slowCard.Release();
        await team.App.RunPendingSlackJobsAsync();
        await team.App.Services.GetRequiredService<SlackCommandRunner>().StopAsync(CancellationToken.None);

        var told = team.TextsIn(SlackTeam.Rep).Skip(repMessages).ToList();
        Assert.Single(told, t => t.Contains("acknowledged", StringComparison.OrdinalIgnoreCase));
        var answer = Assert.Single(team.Slack.CallsTo("response_url"), c => c.Arg("text")?.Contains(reference, StringComparison.Ordinal) == true);
        Assert.Contains($"{reference} acknowledged", answer.Arg("text"));
        Assert.DoesNotContain("already", answer.Arg("text"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("true", answer.Arg("replace_original"));
    }
}

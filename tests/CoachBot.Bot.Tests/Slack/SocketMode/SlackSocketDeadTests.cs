using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack.SocketMode;

/// <summary>A socket that stays open but answers nothing (no pong) is replaced; here "dead" means 2 s of silence instead of 30.</summary>
public sealed class SlackSocketDeadTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    protected override CoachBotApplication Configure(CoachBotApplication app)
    {
        Slack.SilenceNextSocket();
        return app.WithSlackSocketMode(Slack).WithSetting("Slack:SocketDeadAfter", "00:00:02");
    }

    [Fact]
    public async Task ASilentSocketIsReplacedAndTheNewOneCarriesTheWork()
    {
        var silent = await Slack.WaitForSocketAsync(1);
        var replacement = await Slack.WaitForSocketAsync(2);
        await silent.Closed.WaitAsync(TimeSpan.FromSeconds(60));

        var id = await replacement.SendEnvelopeAsync("events_api", SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "hi")));
        await Slack.WaitForAckAsync(id);
        await App.RunPendingSlackJobsAsync();

        Assert.Equal("Got it.", (string?)Assert.Single(Slack.MessagesIn("D0ANA"))["text"]);
        Assert.Equal(2, Slack.CallsTo("apps.connections.open").Count);
        Assert.Contains(App.Logs.Entries, e => e.EventId.Id == 3252 && e.Message.Contains("connection lost", StringComparison.Ordinal));
    }
}

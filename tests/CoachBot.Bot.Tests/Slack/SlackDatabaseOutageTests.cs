using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using CoachBot.Testing.Slack;
using Npgsql;

namespace CoachBot.Bot.Tests.Slack;

// Issue 13's fault test: PostgreSQL goes away (a proxy in front of it resets every connection) and comes back.
public sealed class SlackDatabaseOutageTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TcpOutageProxy _proxy = TcpOutageProxy.To("127.0.0.1", new NpgsqlConnectionStringBuilder(PostgresDatabase.Server).Port);

    protected override CoachBotApplication Configure(CoachBotApplication app) =>
        app.WithSetting("ConnectionStrings:CoachBot", _proxy.Through(Database.ConnectionString))
            .ExpectErrors("readiness is probed while PostgreSQL is cut off", HealthChecksDuringOutage.Match);

    [Fact]
    public async Task EventsStoredBeforeAndRetriedAfterAnOutageAreHandledOnceAndTheBotRecoversWithoutARestart()
    {
        var before = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "acked before the outage"));
        var during = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "sent during the outage"));
        Assert.Equal(HttpStatusCode.OK, (await Client.PostEventAsync(before)).StatusCode);

        _proxy.Cut();

        // A worker picking up the stored event fails and is retried later; the event Slack sends now is refused so Slack retries it.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => App.RunPendingSlackJobsAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Client.PostEventAsync(during)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Client.Http.GetAsync("/readyz")).StatusCode);
        Assert.Empty(Inbox.Messages);

        _proxy.Restore();

        Assert.Equal(HttpStatusCode.OK, (await Client.PostEventAsync(during, retryNum: 1)).StatusCode);
        Assert.Equal(2, await App.RunPendingSlackJobsAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.PostEventAsync(during, retryNum: 2)).StatusCode);
        Assert.Equal(0, await App.RunPendingSlackJobsAsync());

        Assert.Equal(["acked before the outage", "sent during the outage"], Inbox.Messages.Select(m => m.Text).Order());
        Assert.Equal(2, Slack.CallsTo("chat.postMessage").Count(c => c.Arg("text") == "Got it."));
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task DuringAnOutageHelpIsAnsweredInFullAndOtherCommandsSayCoachBotIsBrieflyUnavailable()
    {
        _proxy.Cut();

        var help = await AnswerAsync(await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "help", Slack.NewResponseUrl())));
        var reps = await AnswerAsync(await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "reps", Slack.NewResponseUrl())));

        Assert.Equal((HttpStatusCode.OK, "ephemeral"), (help.Status, help.Type));
        Assert.Contains("`snooze", help.Text);
        Assert.Contains("`ack E-42`", help.Text);
        Assert.Equal((HttpStatusCode.OK, "ephemeral", OutageAnswers.BrieflyUnavailable), (reps.Status, reps.Type, reps.Text));
        Assert.Empty(Inbox.Commands);

        _proxy.Restore();

        var after = await AnswerAsync(await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "reps", Slack.NewResponseUrl())));
        Assert.Equal("Command: reps", after.Text);
    }

    [Fact]
    public async Task AClickDuringAnOutageIsAnswered200AndThePersonIsToldToTryAgain()
    {
        _proxy.Cut();
        var responseUrl = Slack.NewResponseUrl();

        var response = await Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", "DANA", "1772442000.000100", "nudge.done", "1", responseUrl: responseUrl.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var told = Assert.Single(Slack.CallsTo("response_url"));
        Assert.Equal((OutageAnswers.BrieflyUnavailable, "ephemeral", "false"), (told.Arg("text"), told.Arg("response_type"), told.Arg("replace_original")));
        Assert.Empty(Inbox.Actions);
    }

    private static async Task<(HttpStatusCode Status, string? Type, string? Text)> AnswerAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, (string?)body["response_type"], (string?)body["text"]);
    }

    public void Dispose() => _proxy.Cut();
}

using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using CoachBot.Testing.Slack;
using Npgsql;

namespace CoachBot.Bot.Tests.Slack.SocketMode;

// PostgreSQL goes away under a Socket Mode CoachBot: an event it cannot record stays unacked (Slack re-sends it, as after
// an HTTP 503), a command is still answered in its ack, and the re-sent event is handled once when the database is back.
public sealed class SlackSocketOutageTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TcpOutageProxy _proxy = TcpOutageProxy.To("127.0.0.1", new NpgsqlConnectionStringBuilder(PostgresDatabase.Server).Port);

    protected override CoachBotApplication Configure(CoachBotApplication app) =>
        app.WithSlackSocketMode(Slack)
            .WithSetting("ConnectionStrings:CoachBot", _proxy.Through(Database.ConnectionString))
            .ExpectErrors("readiness is probed while PostgreSQL is cut off", HealthChecksDuringOutage.Match);

    [Fact]
    public async Task AnEventThatCannotBeRecordedStaysUnackedAndItsRetryIsHandledOnce()
    {
        var socket = await Slack.WaitForSocketAsync(1);
        var message = SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", "sent during the outage"));

        _proxy.Cut();
        var id = await socket.SendEnvelopeAsync("events_api", message);
        var command = await socket.SendEnvelopeAsync("slash_commands", SlackPayloads.SocketCommand("U0ANA", "reps", Slack.NewResponseUrl()), acceptsResponsePayload: true);
        var commandAck = await Slack.WaitForAckAsync(command);
        await WaitForLogAsync(3254);
        Assert.Empty(Slack.AcksFor(id));
        Assert.Equal(OutageAnswers.BrieflyUnavailable, (string?)commandAck["payload"]?["text"]);

        _proxy.Restore();
        await socket.SendEnvelopeAsync("events_api", message, envelopeId: id, retryAttempt: 1);
        await Slack.WaitForAckAsync(id);
        await socket.SendEnvelopeAsync("events_api", message, envelopeId: id, retryAttempt: 2);
        await Slack.WaitForAckAsync(id, count: 2);
        await App.RunPendingSlackJobsAsync();

        Assert.Equal("sent during the outage", Assert.Single(Inbox.Messages).Text);
        Assert.Equal("Got it.", (string?)Assert.Single(Slack.MessagesIn("D0ANA"))["text"]);
    }

    private async Task WaitForLogAsync(int eventId)
    {
        for (var i = 0; i < 1200 && !App.Logs.Entries.Any(e => e.EventId.Id == eventId); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(App.Logs.Entries, e => e.EventId.Id == eventId);
    }

    public void Dispose() => _proxy.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

using CoachBot.Bot.Slack;
using CoachBot.Coaching.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing.Slack;

/// <summary>Intent-named Slack setup for <see cref="CoachBotApplication"/>: real settings pointing at a fake Slack, a recording core.</summary>
public static class SlackApplication
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string ManagerChannel = "C0MANAGERS";

    public static CoachBotApplication WithSlack(this CoachBotApplication app, FakeSlackServer slack, RecordingInbox inbox) =>
        app.WithSetting("Slack:BotToken", slack.Token)
            .WithSetting("Slack:SigningSecret", SigningSecret)
            .WithSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString())
            .WithSetting("Slack:ManagerChannelId", ManagerChannel)
            .WithServices(services => services.AddSingleton<ICoachingInbox>(inbox));

    /// <summary>Slack against the fake with CoachBot's real core (the composite inbox, escalations, manager commands).</summary>
    public static CoachBotApplication WithSlackAndRealCore(this CoachBotApplication app, FakeSlackServer slack) =>
        app.WithSetting("Slack:BotToken", slack.Token)
            .WithSetting("Slack:SigningSecret", SigningSecret)
            .WithSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString())
            .WithSetting("Slack:ManagerChannelId", ManagerChannel);

    /// <summary>Socket Mode against the fake's apps.connections.open and websocket, with reconnects quick enough for a test.</summary>
    public static CoachBotApplication WithSlackSocketMode(this CoachBotApplication app, FakeSlackServer slack) =>
        app.WithSetting("Slack:AppToken", slack.AppToken)
            .WithSetting("Slack:SocketReconnectDelay", "00:00:00.05")
            .WithSetting("Slack:SocketMaxReconnectDelay", "00:00:00.5");

    public static SlackTestClient CreateSignedSlackClient(this CoachBotApplication app) =>
        new(app.CreateClient(), new SlackRequestSigner(SigningSecret));

    /// <summary>Runs the after-the-ack jobs recorded so far, as a Hangfire worker would (tests run without a server).</summary>
    public static async Task<int> RunPendingSlackJobsAsync(this CoachBotApplication app)
    {
        var ids = new List<long>();
        await using (var command = app.Database.DataSource.CreateCommand("select id from slack_inbound where processed_at is null order by id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        foreach (var id in ids)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SlackInboundJob>().RunAsync(id, CancellationToken.None);
        }

        return ids.Count;
    }
}

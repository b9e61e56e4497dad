using System.Text.Json.Nodes;
using CoachBot.Jobs.Nudges;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.EndToEnd;

/// <summary>
/// CoachBot with its real core behind the real Slack endpoints, a fake Slack on loopback and a fake clock (Monday 09:00 UTC).
/// The roster is imported by the configured admin: Dee directs Maya, Maya manages Sam.
/// Every request is signed at CoachBot's clock; the after-the-ack jobs run as a Hangfire worker would.
/// </summary>
internal sealed class SlackTeam : IAsyncDisposable
{
    public const string Admin = "U0ADMIN";
    public const string Director = "U0DEE";
    public const string Manager = "U0MAYA";
    public const string Rep = "U0SAM";
    public const string Channel = SlackApplication.ManagerChannel;

    private SlackTeam(FakeSlackServer slack, CoachBotApplication app)
    {
        Slack = slack;
        App = app;
        Client = app.CreateSignedSlackClient();
    }

    public FakeSlackServer Slack { get; }

    public CoachBotApplication App { get; }

    public SlackTestClient Client { get; }

    /// <param name="admin">The Coaching:Admins entry: the admin's Slack user id, or their email as README step 2 says.</param>
    /// <param name="configure">Settings or services of the test's own, before the app starts.</param>
    public static async Task<SlackTeam> StartAsync(PostgresDatabase database, string admin = Admin, Action<CoachBotApplication>? configure = null)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AddUser(Admin, "Ada Admin", "Europe/London", "ada@acme.example");
        slack.AddUser(Director, "Dee Director", "Europe/London", "dee@acme.example");
        slack.AddUser(Manager, "Maya Okafor", "Europe/London", "maya@acme.example");
        slack.AddUser(Rep, "Sam Rep", "Europe/London", "sam@acme.example");
        var app = new CoachBotApplication(database).WithSlackAndRealCore(slack).WithFakeClock().WithSetting("Coaching:Admins:0", admin);
        configure?.Invoke(app);
        var team = new SlackTeam(slack, app);
        await team.WaitForWorkspaceAsync();
        // Tests in a class share a database and each app's clock starts at the same Monday: start from no deliveries or
        // escalations, and no Retry-After block an earlier test's 429 left on the rate gate (it runs on real time).
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(new CommandDefinition("truncate nudge_delivery, escalation, audit_entry, rate_gate restart identity cascade"));
        }

        return team;
    }

    /// <summary>The admin imports the roster with /coach import; everyone then opens CoachBot's Home once (first contact).</summary>
    public async Task ImportRosterAsync()
    {
        var reply = await CommandAsync(Admin, """
            import email,name,role,manager,time zone
            dee@acme.example,Dee Director,manager,,Europe/London
            maya@acme.example,Maya Okafor,manager,dee@acme.example,Europe/London
            sam@acme.example,Sam Rep,rep,maya@acme.example,Europe/London
            """);
        Assert.Contains("3", reply);
        foreach (var user in new[] { Director, Manager, Rep })
        {
            await EventAsync(SlackPayloads.HomeOpened(user));
        }
    }

    /// <summary>Makes the rep due now and runs the real dispatcher and send job, as the minute tick would.</summary>
    public async Task<JsonObject> NudgeRepAsync()
    {
        await using (var connection = await App.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into rep_profile (person_id, style, style_source, race, focus_skills, experience, onboarding_step, onboarded_at)
                select id, 'driver', 'self', 'sprint', '{prospecting}', 'newer', 'done', @now from person where platform_user_id = @Rep
                on conflict (person_id) do update set onboarding_step = 'done', onboarded_at = excluded.onboarded_at;
                insert into rep_schedule (person_id, workspace_id) select id, workspace_id from person where platform_user_id = @Rep
                on conflict (person_id) do nothing;
                update rep_schedule s set next_due_at = @now from person p where p.id = s.person_id and p.platform_user_id = @Rep;
                """, new { Rep, now = App.Clock.GetUtcNow() }));
        }

        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DispatchNudgesJob>().RunAsync(CancellationToken.None);
        Guid[] pending;
        await using (var connection = await App.Database.DataSource.OpenConnectionAsync())
        {
            pending = [.. await connection.QueryAsync<Guid>(new CommandDefinition("select id from nudge_delivery where status = 'pending'"))];
        }

        Assert.NotEmpty(pending);
        await scope.ServiceProvider.GetRequiredService<SendDeliveryBatchJob>().RunAsync(pending, CancellationToken.None);
        return LastWithButton(Rep, NudgeButton);
    }

    public const string NudgeButton = CoachBot.Coaching.Nudges.NudgeActions.NeedHelp;

    /// <summary>Need help on the nudge, then "Yes, share": returns the escalation's reference (E-n).</summary>
    public async Task<string> NeedHelpAndShareAsync(JsonObject nudge)
    {
        await PressAsync(Rep, Rep, nudge, NudgeButton);
        var offer = LastWithButton(Rep, CoachBot.Coaching.Conversation.EscalationOffers.Yes);
        await PressAsync(Rep, Rep, offer, CoachBot.Coaching.Conversation.EscalationOffers.Yes);
        await using var connection = await App.Database.DataSource.OpenConnectionAsync();
        return "E-" + await connection.ExecuteScalarAsync<long>(new CommandDefinition("select max(id) from escalation"));
    }

    public async Task<string> CommandAsync(string user, string text, string channel = "C0GENERAL")
    {
        var responseUrls = Slack.CallsTo("response_url").Count;
        using var response = await Client.SendAsync("/slack/commands",
            SlackTestClient.FormBytes(SlackPayloads.Command(user, text, Slack.NewResponseUrl(), channel: channel)), SlackTestClient.Form, App.Clock.GetUtcNow());
        Assert.True(response.IsSuccessStatusCode, $"/coach {text} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        await App.RunPendingSlackJobsAsync();
        return string.Join('\n', [body, .. Slack.CallsTo("response_url").Skip(responseUrls).Select(c => c.Args.ToJsonString())]);
    }

    public async Task EventAsync(JsonObject inner)
    {
        var envelope = SlackPayloads.EventCallback(inner);
        using var response = await Client.SendAsync("/slack/events",
            System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString()), SlackTestClient.Json, App.Clock.GetUtcNow());
        Assert.True(response.IsSuccessStatusCode, $"event answered {(int)response.StatusCode}");
        await App.RunPendingSlackJobsAsync();
    }

    /// <summary>Clicks <paramref name="actionId"/> on a message CoachBot posted in <paramref name="channel"/> (a user id: their DM).</summary>
    public async Task PressAsync(string user, string channel, JsonObject message, string actionId)
    {
        var conversation = channel.StartsWith('U') ? FakeSlackServer.DirectChannel(channel) : channel;
        var payload = SlackPayloads.BlockActions(user, conversation, (string)message["ts"]!, actionId, ButtonValue(message, actionId), responseUrl: Slack.NewResponseUrl().ToString());
        using var response = await Client.SendAsync("/slack/interactions",
            SlackTestClient.FormBytes([new("payload", payload.ToJsonString())]), SlackTestClient.Form, App.Clock.GetUtcNow());
        Assert.True(response.IsSuccessStatusCode, $"{actionId} answered {(int)response.StatusCode}");
        await App.RunPendingSlackJobsAsync();
    }

    public JsonObject LastWithButton(string channel, string actionId) =>
        Slack.MessagesIn(channel).LastOrDefault(m => Buttons(m).Any(b => (string?)b["action_id"] == actionId))
        ?? throw new Xunit.Sdk.XunitException($"No message in {channel} has a {actionId} button; saw: {string.Join(" | ", Slack.MessagesIn(channel).Select(m => (string?)m["text"]))}");

    public IReadOnlyList<string> TextsIn(string channel) => [.. Slack.MessagesIn(channel).Select(m => (string?)m["text"] ?? "")];

    /// <summary>Every channel (not DM) CoachBot posted a message to.</summary>
    public IReadOnlyList<string> ChannelsPostedTo() =>
        [.. Slack.CallsTo("chat.postMessage").Select(c => c.Arg("channel") ?? "").Where(c => !c.StartsWith('U') && !c.StartsWith('D')).Distinct()];

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await App.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args));
    }

    private static string ButtonValue(JsonObject message, string actionId) =>
        (string?)Buttons(message).First(b => (string?)b["action_id"] == actionId)["value"] ?? "";

    private static IEnumerable<JsonObject> Buttons(JsonObject message) =>
        (message["blocks"]?.AsArray() ?? []).OfType<JsonObject>()
            .SelectMany(b => b["elements"]?.AsArray().OfType<JsonObject>() ?? [])
            .Where(e => (string?)e["type"] == "button");

    private async Task WaitForWorkspaceAsync()
    {
        // Startup learns the bot's ids with auth.test and records the workspace; nothing else may race it.
        for (var i = 0; i < 200 && await ScalarAsync("select count(*) from workspace where bot_user_id is not null") == 0; i++)
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

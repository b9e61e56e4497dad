using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Teams;

namespace CoachBot.Bot.Tests.Teams;

public sealed class TeamsEndpointTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly RecordingInbox _inbox = new();
    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;

    private TeamsActivities Activities => new(_connector.ServiceUrl);

    public async Task InitializeAsync()
    {
        _issuer = await BotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task OnlyPostIsAllowed()
    {
        await using var app = CreateApp();

        var response = await Client(app).GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("""{"type": 42}""")]
    public async Task ABodyThatIsNotAnActivityIsABadRequest(string body)
    {
        await using var app = CreateApp();

        var response = await Client(app).PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_inbox.Received);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413()
    {
        await using var app = CreateApp();

        var response = await Client(app).PostActivityAsync(Activities.PersonalMessage(new string('x', 300_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_inbox.Received);
    }

    [Fact]
    public async Task ARepeatedActivityIsHandledOnce()
    {
        await using var app = CreateApp();
        var activity = Activities.PersonalMessage("Closed the Acme deal");

        var first = await Client(app).PostActivityAsync(activity);
        var second = await Client(app).PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_inbox.All<InboundMessage>());
    }

    [Fact]
    public async Task ARepsMessageReachesTheCoreAndTheReplyGoesOutThroughTheConnectorWithTheBotToken()
    {
        await using var app = CreateApp();

        await Client(app).PostActivityAsync(Activities.PersonalMessage("Closed the Acme deal"));

        var message = Assert.Single(_inbox.All<InboundMessage>());
        Assert.Equal(new PersonKey(ChatPlatform.Teams, TeamsActivities.Tenant, TeamsActivities.RepAadId), message.From.Key);
        Assert.Equal("Europe/Berlin", message.From.TimeZone);
        Assert.Equal("Closed the Acme deal", message.Text);
        var reply = Assert.Single(_connector.CallsTo("POST"));
        Assert.Equal($"/v3/conversations/{TeamsActivities.PersonalConversation}/activities", reply.Path);
        Assert.Equal("Bearer bot-token-1", reply.Authorization);
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal($"client_credentials {TeamsApplication.AppId} https://api.botframework.com/.default", Assert.Single(_connector.TokenRequests));
    }

    [Theory]
    [InlineData("escalations", true)]
    [InlineData("Reassign E-4 to Maria", true)]
    [InlineData("keywords add churn", true)]
    [InlineData("I closed the deal", false)]
    public async Task InTheDirectChatTextStartingWithACommandWordIsACommand(string text, bool isCommand)
    {
        await using var app = CreateApp();

        await Client(app).PostActivityAsync(Activities.PersonalMessage(text));

        Assert.Equal(isCommand ? 1 : 0, _inbox.All<InboundCommand>().Count);
        Assert.Equal(isCommand ? 0 : 1, _inbox.All<InboundMessage>().Count);
    }

    [Fact]
    public async Task AMentionInTheManagersChannelIsACommandWithOnlyTheBotsMentionRemovedAndAPrivateAnswerGoesToTheManagersDm()
    {
        await using var app = CreateApp().WithSetting("Teams:ManagerChannelId", TeamsActivities.ManagersChannel);

        await Client(app).PostActivityAsync(Activities.ChannelMention("how is <at>Riley</at> doing?"));

        var command = Assert.Single(_inbox.All<InboundCommand>());
        Assert.Equal("how is <at>Riley</at> doing?", command.Text);
        Assert.Equal(TeamsActivities.ManagersChannel, command.Conversation.ConversationId);
        Assert.Equal("1700000000999", command.Conversation.ThreadId);
        // Private reply: a 1:1 chat with the manager is opened proactively, then the answer is sent there.
        var calls = _connector.CallsTo("POST");
        Assert.Equal("/v3/conversations", calls[0].Path);
        Assert.Equal("29:manager-1", calls[0].Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.StartsWith("/v3/conversations/a:proactive-", calls[1].Path);
    }

    [Fact]
    public async Task ACardSubmitBecomesANeutralActionAndTheClickedCardIsUpdatedInPlace()
    {
        _inbox.OnAction = _ => new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Done ✓") };
        await using var app = CreateApp();

        await Client(app).PostActivityAsync(Activities.Submit("nudge.done", "d3c0ffee", replyToId: "card-1"));

        var action = Assert.Single(_inbox.All<InboundAction>());
        Assert.Equal(("nudge.done", "d3c0ffee", "card-1"), (action.ActionId, action.Value, action.Source?.MessageId));
        var update = Assert.Single(_connector.CallsTo("PUT"));
        Assert.Equal($"/v3/conversations/{TeamsActivities.PersonalConversation}/activities/card-1", update.Path);
        Assert.Equal("Done ✓", update.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACardTheConnectorWillNotUpdateIsSentAsANewMessageAndTheRestStillGoesOut()
    {
        _inbox.OnAction = _ => new InboxReply([CoachMessage.Plain("Anything else?")]) { UpdatedSource = CoachMessage.Plain("Okay, nothing was shared.") };
        _connector.FailNext(404, "MessageNotFound", method: "PUT");
        await using var app = CreateApp();

        await Client(app).PostActivityAsync(Activities.Submit("share.no", "d3c0ffee:need_help", replyToId: "card-1"));

        Assert.Single(_connector.CallsTo("PUT"));
        var sent = _connector.CallsTo("POST").Where(c => c.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Okay, nothing was shared.", "Anything else?"],
            sent.Select(c => c.Body!["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.GetValue<string>() ?? c.Body!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnAdaptiveCardActionInvokeIsAnsweredWithTheUpdatedCard()
    {
        _inbox.OnAction = _ => new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Snoozed until tomorrow") };
        await using var app = CreateApp();

        var response = await Client(app).PostActivityAsync(Activities.Invoke("nudge.snooze", "d3c0ffee", replyToId: "card-2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("Snoozed until tomorrow", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("nudge.snooze", Assert.Single(_inbox.All<InboundAction>()).ActionId);
    }

    [Fact]
    public async Task AnInvokeCoachBotDoesNotHandleIs501()
    {
        await using var app = CreateApp();

        var response = await Client(app).PostActivityAsync(Activities.Invoke("x", "y", "card-3", name: "composeExtension/query"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_inbox.Received);
    }

    [Fact]
    public async Task AnInvokeCoachBotDoesNotHandleStoresNoReferenceAndNoDedupeClaim()
    {
        await using var app = CreateApp();
        var before = await RowsAsync();

        var response = await Client(app).PostActivityAsync(Activities.Invoke("x", "y", "card-4", name: "task/fetch"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task AnActivityWithoutAConversationIsRefusedWithoutTakingADedupeClaim()
    {
        await using var app = CreateApp();
        var activity = Activities.PersonalMessage("hello");
        activity.Remove("conversation");
        var before = await RowsAsync();

        var response = await Client(app).PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_inbox.Received);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task APersonalInstallWelcomesOnceThoughTeamsSendsTwoEventsAndStoresTheReference()
    {
        _connector.AddMember(TeamsActivities.RepUserId, TeamsActivities.RepAadId, "Riley", "Rep", "Riley.Rep@contoso.com");
        await using var app = CreateApp();

        await Client(app).PostActivityAsync(Activities.PersonalInstall());
        await Client(app).PostActivityAsync(Activities.PersonalMembersAdded());

        var started = Assert.Single(_inbox.All<RecordingInbox.Started>());
        Assert.Equal(TeamsActivities.PersonalConversation, started.Conversation.ConversationId);
        // Install activities carry no name: it and the email come from the Connector's member lookup.
        Assert.Equal(("Riley Rep", "Riley.Rep@contoso.com"), (started.From.DisplayName, started.From.Email));
        Assert.Equal($"/v3/conversations/{TeamsActivities.PersonalConversation}/members/{TeamsActivities.RepUserId}", Assert.Single(_connector.CallsTo("GET")).Path);
        Assert.Contains("Welcome, Riley Rep!", Assert.Single(_connector.CallsTo("POST")).Body!.ToJsonString());
        var stored = await database.DataSource.CreateCommand(
            $"select service_url || ' ' || user_id from teams_conversation_reference where conversation_id = '{TeamsActivities.PersonalConversation}'").ExecuteScalarAsync();
        Assert.Equal($"{_connector.ServiceUrl} {TeamsActivities.RepUserId}", stored);
    }

    [Fact]
    public async Task ATeamInstallIsRememberedJoinersAreReportedAndRemovalForgetsIt()
    {
        await using var app = CreateApp();
        var team = $"19:{Guid.NewGuid():N}@thread.tacv2";

        await Client(app).PostActivityAsync(Activities.TeamMembersAdded(team, Activities.Bot()));
        var storedTeam = await ScalarAsync($"select team_id from teams_conversation_reference where conversation_id = '{team}'");
        await Client(app).PostActivityAsync(Activities.TeamMembersAdded(team, TeamsActivities.Person("29:new-rep", "aad-new-rep", "Nia New")));
        await Client(app).PostActivityAsync(Activities.TeamMembersRemoved(team, Activities.Bot()));

        Assert.Equal(team, storedTeam);
        var joined = Assert.Single(_inbox.All<MemberJoined>());
        Assert.Equal(("aad-new-rep", team), (joined.Member.UserId, joined.Channel.ConversationId));
        Assert.Empty(_inbox.All<RecordingInbox.Started>());
        Assert.Null(await ScalarAsync($"select team_id from teams_conversation_reference where conversation_id = '{team}'"));
    }

    [Fact]
    public async Task APersonalUninstallForgetsTheChat()
    {
        await using var app = CreateApp();
        await Client(app).PostActivityAsync(Activities.PersonalMessage("hello"));

        await Client(app).PostActivityAsync(Activities.PersonalInstall(action: "remove"));

        Assert.Null(await ScalarAsync($"select conversation_id from teams_conversation_reference where conversation_id = '{TeamsActivities.PersonalConversation}'"));
        Assert.Empty(_inbox.All<RecordingInbox.Started>());
    }

    [Fact]
    public async Task AReactionIsAcknowledgedAndIgnored()
    {
        await using var app = CreateApp();

        var response = await Client(app).PostActivityAsync(Activities.Reaction());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_inbox.Received);
    }

    [Fact]
    public async Task ATenantOutsideTheAllowlistIsRefusedBeforeAnythingIsStored()
    {
        await using var app = CreateApp().WithSetting("Teams:AllowedTenants:0", "some-other-tenant");

        var response = await Client(app).PostActivityAsync(Activities.PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_inbox.Received);
    }

    private async Task<(object?, object?)> RowsAsync() =>
        (await ScalarAsync("select count(*) from processed_event"), await ScalarAsync("select count(*) from teams_conversation_reference"));

    private async Task<object?> ScalarAsync(string sql)
    {
        var value = await database.DataSource.CreateCommand(sql).ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    private CoachBotApplication CreateApp() => new CoachBotApplication(database).WithTeams(_issuer, _connector).WithInbox(_inbox);

    private HttpClient Client(CoachBotApplication app) => app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
}

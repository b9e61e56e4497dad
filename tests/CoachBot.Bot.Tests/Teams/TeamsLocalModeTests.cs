using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Teams;

namespace CoachBot.Bot.Tests.Teams;

// With Teams:LocalNoAuth=true and no AppId, unauthenticated activities are accepted from direct loopback only (the Agents
// Playground's mode). Without the opt-in an empty AppId means Teams is off. In-process tests run as Development.
public sealed class TeamsLocalModeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ALoopbackCallerWithoutATokenIsServedAndRepliesCarryNoToken()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithTeamsLocalMode(connector).WithInbox(inbox).WithRemoteAddress(IPAddress.Loopback);

        var response = await app.CreateTeamsClient(token: null).PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(inbox.All<InboundMessage>());
        Assert.Equal("", Assert.Single(connector.CallsTo("POST")).Authorization);
        Assert.Empty(connector.TokenRequests);
    }

    [Fact]
    public async Task WithoutTheOptInAnEmptyAppIdLeavesTeamsOffEvenForLoopbackCallers()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithSetting("Teams:AppId", "").WithInbox(inbox).WithRemoteAddress(IPAddress.Loopback);

        var response = await app.CreateTeamsClient(token: null).PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(inbox.Received);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task ALoopbackRequestThatCameThroughAProxyIsRejected()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithTeamsLocalMode(connector).WithInbox(inbox).WithRemoteAddress(IPAddress.Loopback);
        using var client = app.CreateTeamsClient(token: null);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(inbox.Received);
    }

    [Fact]
    public async Task ACallerFromAnotherAddressIsRejected()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithTeamsLocalMode(connector).WithInbox(inbox).WithRemoteAddress(IPAddress.Parse("10.1.2.3"));

        var response = await app.CreateTeamsClient(token: null).PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(inbox.Received);
    }

    [Fact]
    public async Task AServiceUrlOffThisMachineIsRefusedSoNothingIsEverSentThere()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithTeamsLocalMode(connector).WithInbox(inbox).WithRemoteAddress(IPAddress.Loopback);

        var response = await app.CreateTeamsClient(token: null).PostActivityAsync(new TeamsActivities("https://smba.trafficmanager.net/amer/").PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(inbox.Received);
    }
}

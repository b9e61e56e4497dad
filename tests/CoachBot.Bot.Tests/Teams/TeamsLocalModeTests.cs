using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Teams;

namespace CoachBot.Bot.Tests.Teams;

// Without Teams:AppId, unauthenticated activities are accepted from loopback only (the Agents Playground's mode).
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

using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Tests.Teams;

// Real RS256 tokens from a local Bot Framework issuer against the real pipeline: each rule must hold on its own.
public sealed class BotFrameworkAuthTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(BotTokenFlaw.None, HttpStatusCode.OK)]
    [InlineData(BotTokenFlaw.Expired, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.NotYetValid, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.WrongAudience, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.WrongIssuer, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.WrongServiceUrl, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.NoServiceUrl, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.NotEndorsedForTeams, HttpStatusCode.Forbidden)]
    [InlineData(BotTokenFlaw.Unsigned, HttpStatusCode.Unauthorized)]
    [InlineData(BotTokenFlaw.AlgNone, HttpStatusCode.Unauthorized)]
    public async Task ATokenIsAcceptedOnlyWhenEveryBotFrameworkRuleHolds(BotTokenFlaw flaw, HttpStatusCode expected)
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithTeams(issuer, connector).WithInbox(inbox);
        var client = app.CreateTeamsClient(issuer.Mint(TeamsApplication.AppId, connector.ServiceUrl, flaw));

        var response = await client.PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, inbox.All<InboundMessage>().Count);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, connector.CallsTo("POST").Count(c => c.Path.EndsWith("/activities")));
    }

    [Fact]
    public async Task WithAnAppIdSetALoopbackCallerWithoutATokenIsRejected()
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var inbox = new RecordingInbox();
        await using var app = new CoachBotApplication(database).WithTeams(issuer, connector).WithInbox(inbox).WithRemoteAddress(IPAddress.Loopback);

        var response = await app.CreateTeamsClient(token: null).PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(inbox.Received);
    }

    [Fact]
    public async Task ARejectedTokenIsLoggedWithIssuerAudienceAndExpiryButNeverTheTokenItself()
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var app = new CoachBotApplication(database).WithTeams(issuer, connector)
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var token = issuer.Mint(TeamsApplication.AppId, connector.ServiceUrl, BotTokenFlaw.WrongAudience);

        await app.CreateTeamsClient(token).PostActivityAsync(new TeamsActivities(connector.ServiceUrl).PersonalMessage("hello"));

        var line = Assert.Single(logs.Lines, l => l.Contains("Rejected a Bot Framework token"));
        Assert.Contains("some-other-app", line);
        Assert.Contains(BotFrameworkIssuer.Issuer, line);
        Assert.Contains("expiry", line);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token.Split('.')[2]) || l.Contains(token.Split('.')[1]));
    }
}

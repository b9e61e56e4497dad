using CoachBot.Platforms.Teams;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Teams;

public sealed class BotTokenClientTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ManyConcurrentCallersShareOneTokenRequest()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new CoachBotApplication(database).WithTeamsOutbound(connector);
        var tokens = app.Services.GetRequiredService<BotTokenClient>();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetTokenAsync(forceRefresh: false, default)));

        Assert.All(results, t => Assert.Equal("bot-token-1", t));
        Assert.Single(connector.TokenRequests);
    }

    [Fact]
    public async Task ATokenIsReusedUntilShortlyBeforeItExpires()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = new CoachBotApplication(database).WithTeamsOutbound(connector).WithFakeClock();
        var tokens = app.Services.GetRequiredService<BotTokenClient>();

        var first = await tokens.GetTokenAsync(false, default);
        app.Clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await tokens.GetTokenAsync(false, default);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await tokens.GetTokenAsync(false, default);

        Assert.Equal(("bot-token-1", "bot-token-1", "bot-token-2"), (first, stillCached, refreshed));
    }
}

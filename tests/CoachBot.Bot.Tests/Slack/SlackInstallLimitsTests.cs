using System.Net;
using CoachBot.Bot.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Slack;

// /slack/install needs no login and stores a state each time: starts are limited per address, and abandoned states are swept.
public sealed class SlackInstallLimitsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        await using (var reset = database.DataSource.CreateCommand("truncate slack_oauth_state"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        _slack = await FakeSlackServer.StartAsync();
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task StartsPastTheLimitGet429WithRetryAfterAndStoreNoState()
    {
        await using var app = new CoachBotApplication(database).WithSlackInstall(_slack, new RecordingInbox()).WithSetting("Slack:InstallStartsPerMinute", "3");
        using var browser = app.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await browser.GetAsync("/slack/install");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("60", last.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Too many install attempts", await last.Content.ReadAsStringAsync());
        Assert.Equal(3, await CountStatesAsync());
    }

    [Fact]
    public async Task TheSweepDeletesExpiredStatesAndKeepsLiveOnes()
    {
        await using var app = new CoachBotApplication(database).WithSlackInstall(_slack, new RecordingInbox()).WithFakeClock();
        using var browser = app.CreateBrowser();
        await browser.StartInstallAsync();
        await browser.StartInstallAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await browser.StartInstallAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlackInstallStateSweepJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await CountStatesAsync());
    }

    private async Task<long> CountStatesAsync()
    {
        await using var command = database.DataSource.CreateCommand("select count(*) from slack_oauth_state");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

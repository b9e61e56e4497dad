using System.Diagnostics;
using System.Globalization;
using CoachBot.Coaching.Data;
using CoachBot.Coaching.Nudges;
using CoachBot.Jobs.Hosting;
using CoachBot.Jobs.Nudges;
using CoachBot.Platforms.Slack;
using CoachBot.Platforms.Teams;
using Npgsql;

namespace CoachBot.Benchmarks;

/// <summary>One CoachBot jobs instance: the real Hangfire server, dispatcher, ledger and the product's Slack and Teams senders.</summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoachBot"] = args.Get("db", ""),
            ["Jobs:WorkerCount"] = args.Get("workers", "20"),
            ["Jobs:InvisibilityTimeout"] = "00:01:00",
            ["Jobs:DeliveryLease"] = "00:00:30",
            ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:MaxPoolSize"] = "40",
            ["Slack:ApiBaseUrl"] = args.Get("slack", ""),
            ["Slack:SigningSecret"] = "benchmark-signing-secret",
            ["Slack:ClientId"] = "benchmark.client",
            ["Slack:ClientSecret"] = "benchmark-client-secret",
            ["Slack:OAuthRedirectUrl"] = "https://coachbot.invalid/slack/oauth_redirect",
            ["Slack:TokenEncryptionKey"] = args.Get("slackKey", ""),
            ["Slack:PostPerWorkspacePerMinute"] = args.Get("slackPerMinute", "100000"),
            ["Teams:AppId"] = BenchCredentials.TeamsAppId,
            ["Teams:AppPassword"] = BenchCredentials.TeamsAppPassword,
            ["Teams:TokenEndpoint"] = args.Get("teamsLogin", ""),
            ["Teams:RequestsPerSecondPerTenant"] = args.Get("teamsPerSecond", "10000"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CoachBot.Jobs.Nudges.DispatchNudgesJob"] = "Information",
        });
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddSingleton(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(args.Get("db", "")) { MaxPoolSize = 60 }.ConnectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCoachBotJobs();
        builder.AddCoachBotNudges();
        builder.Services.AddSingleton<INudgeSource, BenchNudgeSource>();
        // The product's own senders: SlackMessenger (Web API client, installed tokens) and TeamsMessenger (bot token,
        // ConnectorSendPolicy pacing and retries), exactly as AddSlack/AddTeams register them in the bot.
        builder.Services.AddSlackSending(builder.Configuration);
        builder.Services.AddTeamsSending();
        builder.Services.AddHostedService(sp => new TickLoop(sp, TimeSpan.FromSeconds(args.Int("tickSeconds", 10))));
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }

    // The production tick runs once a minute through Hangfire; here it also runs right away and every few seconds,
    // so the start is not tied to a minute boundary and crash recovery (orphan sweep) is observable quickly.
    private sealed class TickLoop(IServiceProvider services, TimeSpan every) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DispatchTick tick;
                using (var scope = services.CreateScope())
                {
                    tick = await scope.ServiceProvider.GetRequiredService<DispatchNudgesJob>().TickAsync(stoppingToken);
                }

                Console.WriteLine(FormattableString.Invariant($"TICK {tick.Elapsed.TotalMilliseconds:F0} {tick.ClaimTime.TotalMilliseconds:F0} {tick.Claimed}"));
                await Task.Delay(every, stoppingToken);
            }
        }
    }
}
